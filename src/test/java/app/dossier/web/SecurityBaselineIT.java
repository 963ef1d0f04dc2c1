package app.dossier.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class SecurityBaselineIT {

	@LocalServerPort
	int port;

	@Test
	void pagesAndApiCarryTheSecurityHeaders() {
		Http http = new Http(this.port);
		Firms.create(http, "Headers");
		for (Http.Response response : List.of(http.get("/login"), http.get("/api/v1/staff"),
				http.get("/no-such-page"))) {
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
				.contains("script-src 'self'")
				.doesNotContain("unsafe-inline");
			assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		}
	}

	@Test
	void theSessionCookieIsProtectedAndRenewedAtSignIn() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Session");
		// Strangers get no session (AnonymousVisitsIT), so the session planted here is a
		// signed-in one: a sign-in on top of it must still get an id of its own.
		Http.Response first = http.postForm("/login", Map.of("username", firm.adminEmail(), "password", Firms.PASSWORD),
				null);
		String before = WebSession.sessionSetCookie(first);
		Http.Response signedIn = http.postForm("/login",
				Map.of("username", firm.adminEmail(), "password", Firms.PASSWORD),
				before.substring(0, before.indexOf(';')));
		String after = WebSession.sessionSetCookie(signedIn);
		assertThat(after).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax");
		assertThat(after.substring(0, after.indexOf(';'))).as("new session id")
			.isNotEqualTo(before.substring(0, before.indexOf(';')));
	}

	@Test
	void cookieAuthenticatedChangesNeedTheCsrfToken() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Csrf");
		String session = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		Http.Response forged = http.send(http.request("/staff/invitations", null)
			.header("Cookie", session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=evil@csrf.test&name=Evil&role=ADMIN")));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(http.get("/api/v1/staff", firm.adminToken()).body()).doesNotContain("evil@csrf.test");

		Http.Response genuine = http.postForm("/staff/invitations",
				Map.of("email", "good-" + firm.id() + "@csrf.test", "name", "Good", "role", "STAFF"), session);
		assertThat(genuine.status()).isEqualTo(302);
		assertThat(http.get("/api/v1/staff", firm.adminToken()).body()).contains("good-" + firm.id());
	}

	@Test
	void staffPagesNeedSignInAndAdminPagesNeedTheAdminRole() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Pages");
		assertThat(http.get("/staff").header("Location")).endsWith("/login");
		String staffEmail = "pat-" + firm.id() + "@pages.test";
		Firms.join(http, firm, staffEmail, "STAFF");
		String staff = WebSession.signIn(http, staffEmail, Firms.PASSWORD);
		Http.Response home = http.send(http.request("/", null).header("Cookie", staff).GET());
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Welcome, Member").doesNotContain("href=\"/audit\"");
		Http.Response audit = http.send(http.request("/audit", null).header("Cookie", staff).GET());
		assertThat(audit.status()).isEqualTo(403);
		assertThat(audit.body()).contains("Not allowed");
		Http.Response settings = http.send(http.request("/settings", null).header("Cookie", staff).GET());
		assertThat(settings.status()).isEqualTo(403);

		String admin = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		for (String page : List.of("/", "/staff", "/audit", "/settings", "/account", "/account/tokens")) {
			Http.Response response = http.send(http.request(page, null).header("Cookie", admin).GET());
			assertThat(response.status()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page).contains("Pages");
		}
	}

	@Test
	void unknownPagesAreFriendlyAndUnknownApiPathsAreProblems() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Missing");
		String session = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		Http.Response page = http
			.send(http.request("/no-such-page", null).header("Cookie", session).header("Accept", "text/html").GET());
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found").doesNotContain("Exception").doesNotContain("at app.dossier");
		Http.Response api = http.get("/api/v1/no-such-thing", firm.adminToken());
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void healthIsOpenAndTheOtherActuatorEndpointsAreForAdmins() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Actuator");
		assertThat(http.get("/actuator/health").status()).isEqualTo(200);
		assertThat(http.get("/actuator/health/liveness").body()).contains("UP");
		assertThat(http.get("/actuator/health/readiness").body()).contains("UP");
		assertThat(http.get("/actuator/metrics").status()).isEqualTo(401);
		String staff = Firms.join(http, firm, "m-" + firm.id() + "@act.test", "STAFF");
		assertThat(http.get("/actuator/metrics", staff).status()).isEqualTo(403);
		assertThat(http.get("/actuator/metrics", firm.adminToken()).status()).isEqualTo(200);
	}

	@Test
	void theApiIsDescribedByOpenApi() {
		Http http = new Http(this.port);
		Http.Response docs = http.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/tokens")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/staff/invitations")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/firms")).isTrue();
		assertThat(http.get("/swagger-ui.html").status()).isIn(200, 302);
	}

}
