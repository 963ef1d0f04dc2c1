package app.dossier.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.Customers.Customer;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.PortalSession;
import app.dossier.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody gets a server session before signing in: a session kept for hours for every
 * request of anyone would let a stranger fill the heap by asking for pages. Where a
 * visitor was going is kept in a cookie of theirs instead, and still leads them back
 * there after signing in.
 */
@DossierIntegrationTest
class AnonymousVisitsIT {

	@LocalServerPort
	int port;

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void pagesFormsAndFailedSignInsOfStrangersMakeNoSession() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "No Sessions");
		Customer customer = Customers.withPortalAccess(http, firm, "No Sessions Client");
		int before = activeSessions();
		List<Http.Response> answers = new ArrayList<>();
		for (String path : List.of("/", "/clients", "/clients/" + UUID.randomUUID(), "/settings", "/login",
				"/login?error", "/login?error=throttled&minutes=3", "/login?signedOut", "/portal", "/portal/files",
				"/portal/files?folder=" + UUID.randomUUID(), "/portal/login", "/portal/login?invalid",
				"/portal/login/ott?token=not-a-token", "/l/not-a-link", "/no-such-page", "/favicon.svg")) {
			answers.add(http.get(path));
		}
		answers.add(http.postForm("/login", Map.of("username", firm.adminEmail(), "password", "wrong"), null));
		answers.add(http.postForm("/login", Map.of("username", "nobody@nowhere.test", "password", "x"), null));
		answers.add(http.postForm("/portal/login", Map.of("email", customer.email()), null));
		answers.add(http.postForm("/portal/login", Map.of("email", "stranger@nowhere.test"), null));
		answers.add(http.postForm("/portal/login/ott", Map.of("token", "not-a-token"), null));
		answers.add(http.postForm("/portal/logout", Map.of(), null));
		for (Http.Response answer : answers) {
			assertThat(answer.raw().headers().allValues("Set-Cookie"))
				.as("%s %s", answer.raw().request().method(), answer.raw().uri())
				.noneMatch((cookie) -> cookie.startsWith("DOSSIER_SESSION="));
		}
		assertThat(activeSessions()).isLessThanOrEqualTo(before);
	}

	@Test
	void aWrongPasswordSaysSoOnTheFormWithoutASession() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Wrong Password");
		Http.Response failed = http.postForm("/login", Map.of("username", firm.adminEmail(), "password", "wrong"),
				null);
		assertThat(failed.status()).isEqualTo(302);
		assertThat(failed.header("Location")).endsWith("/login?error");
		assertThat(http.get("/login?error").body()).contains("Email or password is incorrect.");
	}

	@Test
	void aMadeUpWaitInTheAddressIsNotRepeated() {
		Http http = new Http(this.port);
		assertThat(http.get("/login?error=throttled&minutes=3").body()).contains("Wait 3 minutes");
		for (String minutes : List.of("0", "-1", "abc", "99999", "1441", "")) {
			assertThat(http.get("/login?error=throttled&minutes=" + minutes).body()).as(minutes)
				.contains("Wait a few minutes and try again.");
		}
		assertThat(http.get("/login?error=whatever").body()).contains("Email or password is incorrect.");
	}

	@Test
	void staffSigningInLandOnThePageTheyAskedFor() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Deep Link");
		Customer customer = Customers.withPortalAccess(http, firm, "Deep Link Client");
		Http.Response asked = http.get("/clients/" + customer.clientId() + "/files?q=report");
		assertThat(asked.status()).isEqualTo(302);
		assertThat(asked.header("Location")).endsWith("/login");
		String saved = savedPageCookie(asked);
		Http.Response signedIn = http.postForm("/login",
				Map.of("username", firm.adminEmail(), "password", Firms.PASSWORD), saved);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/clients/" + customer.clientId() + "/files?q=report");
		Http.Response page = http.getWithCookies("/clients/" + customer.clientId() + "/files?q=report",
				WebSession.sessionCookie(signedIn) + "; " + saved);
		assertThat(page.status()).as(String.valueOf(page.header("Location"))).isEqualTo(200);
		assertThat(page.raw().headers().allValues("Set-Cookie")).as("the saved page is forgotten once reached")
			.anyMatch((cookie) -> cookie.startsWith("REDIRECT_URI=;") && cookie.contains("Expires=Thu, 01 Jan 1970"));
	}

	@Test
	void contactsSigningInLandOnThePortalPageTheyAskedFor() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Portal Deep Link");
		Customer customer = Customers.withPortalAccess(http, firm, "Portal Deep Link Client");
		Http.Response asked = http.get("/portal/files?sort=date");
		assertThat(asked.status()).isEqualTo(302);
		assertThat(asked.header("Location")).endsWith("/portal/login");
		String saved = savedPageCookie(asked);
		assertThat(portalSignIn(http, customer, saved)).endsWith("/portal/files?sort=date");
	}

	@Test
	void aStaffPageAskedForInTheSameBrowserIsNotWhereAContactLands() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Crossed Links");
		Customer customer = Customers.withPortalAccess(http, firm, "Crossed Links Client");
		String saved = savedPageCookie(http.get("/clients/" + customer.clientId()));
		assertThat(portalSignIn(http, customer, saved)).endsWith("/portal");
	}

	/**
	 * Signs the customer in by their emailed link with the given cookies; where it leads.
	 */
	private static String portalSignIn(Http http, Customer customer, String cookies) {
		String token = PortalSession.token(PortalSession.requestLink(http, customer.email()));
		Http.Response signedIn = http.postForm("/portal/login/ott", Map.of("token", token), cookies);
		assertThat(signedIn.status()).isEqualTo(302);
		return signedIn.header("Location");
	}

	private static String savedPageCookie(Http.Response answer) {
		String header = WebSession.setCookie(answer, "REDIRECT_URI");
		assertThat(header).contains("HttpOnly").contains("SameSite=Lax");
		return header.substring(0, header.indexOf(';'));
	}

	private int activeSessions() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		Context web = (Context) server.getTomcat().getHost().findChildren()[0];
		return web.getManager().getActiveSessions();
	}

}
