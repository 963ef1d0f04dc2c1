package app.dossier.identity;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class ApiTokensIT {

	@LocalServerPort
	int port;

	@Test
	void aTokenFromEmailAndPasswordOpensTheApi() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Tokens");
		Http.Response issued = http.postJson("/api/v1/tokens",
				Http.json(Map.of("email", firm.adminEmail(), "password", Firms.PASSWORD)));
		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.json().get("token").asString()).startsWith("dsr_");
		assertThat(issued.json().get("expiresAt").asString()).isNotBlank();
		Http.Response me = http.get("/api/v1/staff/me", issued.json().get("token").asString());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body()).doesNotContain("password");
	}

	@Test
	void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Same");
		Http.Response wrong = http.postJson("/api/v1/tokens",
				Http.json(Map.of("email", firm.adminEmail(), "password", "not the password at all")));
		Http.Response unknown = http.postJson("/api/v1/tokens", Http
			.json(Map.of("email", "nobody-" + firm.id() + "@same.test", "password", "not the password at all")));
		assertThat(wrong.status()).isEqualTo(401).isEqualTo(unknown.status());
		assertThat(wrong.contentType()).isEqualTo("application/problem+json");
		assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
		assertThat(wrong.json().get("title")).isEqualTo(unknown.json().get("title"));
	}

	@Test
	void missingMalformedAndOversizedBodiesAreRefused() {
		Http http = new Http(this.port);
		Http.Response missing = http.postJson("/api/v1/tokens", "{\"email\":\"a@b.test\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").toString()).contains("password");
		Http.Response malformed = http.postJson("/api/v1/tokens", "{\"email\": [");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).isEqualTo("application/problem+json");
		Http.Response wrongType = http.send(http.request("/api/v1/tokens", null)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("email=a")));
		assertThat(wrongType.status()).isEqualTo(415);
		Http.Response garbageType = http.send(http.request("/api/v1/tokens", null)
			.header("Content-Type", "garbage")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(garbageType.status()).isEqualTo(415);
		assertThat(garbageType.contentType()).isEqualTo("application/problem+json");

		String huge = "{\"email\":\"a@b.test\",\"password\":\"" + "x".repeat(200_000) + "\"}";
		Http.Response declared = http.postJson("/api/v1/tokens", huge);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.contentType()).isEqualTo("application/problem+json");
		Http.Response chunked = http.send(http.request("/api/v1/tokens", null)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes()))));
		assertThat(chunked.status()).isEqualTo(413);
	}

	@Test
	void unknownAndMissingBearerTokensAreRefused() {
		Http http = new Http(this.port);
		Http.Response none = http.get("/api/v1/staff");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(none.contentType()).isEqualTo("application/problem+json");
		Http.Response bogus = http.get("/api/v1/staff", "dsr_forged-token-value");
		assertThat(bogus.status()).isEqualTo(401);
		assertThat(bogus.header("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void aSessionCookieDoesNotOpenTheApi() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Cookie");
		String session = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		Http.Response response = http.send(http.request("/api/v1/staff", null).header("Cookie", session).GET());
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void personalTokensAreShownOnceWorkAndStopWorkingWhenRevoked() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Personal");
		String session = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		Http.Response created = http.postForm("/account/tokens", Map.of("name", "Nightly export", "days", "30"),
				session);
		assertThat(created.status()).isEqualTo(302);
		Http.Response page = http.send(http.request("/account/tokens", null).header("Cookie", session).GET());
		Matcher matcher = Pattern.compile("value=\"(dsr_[A-Za-z0-9_-]+)\"").matcher(page.body());
		String secret = null;
		if (matcher.find()) {
			secret = matcher.group(1);
		}
		assertThat(secret).as("the new token is shown on the page").isNotNull();
		assertThat(http.get("/api/v1/staff/me", secret).status()).isEqualTo(200);

		Http.Response later = http.send(http.request("/account/tokens", null).header("Cookie", session).GET());
		assertThat(later.body()).contains("Nightly export").doesNotContain(secret);
		Matcher row = Pattern.compile("<tr>(?:(?!</tr>).)*Nightly export(?:(?!</tr>).)*</tr>", Pattern.DOTALL)
			.matcher(later.body());
		assertThat(row.find()).isTrue();
		assertThat(row.group()).as("the token's use is recorded").doesNotContain(">Never<");
		Matcher revoke = Pattern.compile("/account/tokens/([0-9a-f-]{36})/revoke").matcher(later.body());
		assertThat(revoke.find()).isTrue();
		http.postForm("/account/tokens/" + revoke.group(1) + "/revoke", Map.of(), session);
		assertThat(http.get("/api/v1/staff/me", secret).status()).isEqualTo(401);
		org.awaitility.Awaitility.await()
			.untilAsserted(() -> assertThat(http.get("/api/v1/audit", firm.adminToken()).body())
				.contains("token.personal_created")
				.contains("token.revoked"));
	}

}
