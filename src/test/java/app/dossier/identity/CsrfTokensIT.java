package app.dossier.identity;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSRF contract every browser page keeps: the token lives in a cookie the page's
 * script reads and sends back in a header; forms carry it masked afresh on every page;
 * anything else is refused. A wrong password answered with the sign-in page's error
 * proves the token passed.
 */
@DossierIntegrationTest
class CsrfTokensIT {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern COOKIE_TOKEN = Pattern.compile("XSRF-TOKEN=([^;]+)");

	@LocalServerPort
	int port;

	@Test
	void formsCarryTheTokenMaskedAfreshAndScriptsSendTheCookiesValue() {
		Http http = new Http(this.port);
		Visit visit = Visit.of(http, "Csrf Forms");
		String plain = visit.plainToken();
		String cookies = visit.cookies();
		String masked = formToken(visit.page());
		String maskedAgain = formToken(http.getWithCookies("/login", cookies));

		assertThat(masked).isNotEqualTo(plain).isNotEqualTo(maskedAgain);
		assertThat(maskedAgain).isNotEqualTo(plain);
		assertThat(signIn(http, cookies, "_csrf=" + encode(masked), null).header("Location")).endsWith("/login?error");
		assertThat(signIn(http, cookies, "_csrf=" + encode(maskedAgain), null).header("Location"))
			.endsWith("/login?error");
		assertThat(signIn(http, cookies, "", plain).header("Location")).endsWith("/login?error");
	}

	@Test
	void aMissingWrongOrUnmaskedTokenIsRefused() {
		Http http = new Http(this.port);
		Visit visit = Visit.of(http, "Csrf Refusals");
		String plain = visit.plainToken();
		String cookies = visit.cookies();
		Http.Response page = visit.page();
		String otherPagesToken = formToken(new Http(this.port).get("/login"));

		assertThat(signIn(http, cookies, "", null).status()).isEqualTo(403);
		assertThat(signIn(http, cookies, "_csrf=" + encode(plain), null).status()).as("unmasked in a form")
			.isEqualTo(403);
		assertThat(signIn(http, cookies, "_csrf=" + encode(otherPagesToken), null).status())
			.as("another visitor's token")
			.isEqualTo(403);
		assertThat(signIn(http, cookies, "", "not-" + plain).status()).as("wrong header").isEqualTo(403);
		assertThat(signIn(http, "", "_csrf=" + encode(formToken(page)), null).status()).as("no cookie").isEqualTo(403);
	}

	/**
	 * A first visit to the sign-in page of a new firm: the page and the token its cookie
	 * set.
	 */
	private record Visit(Http.Response page, String plainToken) {

		static Visit of(Http http, String firmName) {
			Firms.create(http, firmName);
			Http.Response page = http.get("/login");
			Matcher cookie = COOKIE_TOKEN.matcher(page.header("Set-Cookie"));
			assertThat(cookie.find()).isTrue();
			return new Visit(page, cookie.group(1));
		}

		String cookies() {
			return "XSRF-TOKEN=" + this.plainToken;
		}

	}

	private static String formToken(Http.Response page) {
		assertThat(page.status()).isEqualTo(200);
		Matcher token = FORM_TOKEN.matcher(page.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private static Http.Response signIn(Http http, String cookies, String token, String header) {
		String body = "username=" + encode("nobody@csrf.test") + "&password=wrong-password-123"
				+ (token.isEmpty() ? "" : "&" + token);
		HttpRequest.Builder request = http.request("/login", null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies);
		}
		if (header != null) {
			request.header("X-XSRF-TOKEN", header);
		}
		return http.send(request);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
