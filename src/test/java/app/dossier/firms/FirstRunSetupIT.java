package app.dossier.firms;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A context of its own, so it starts with no firm at all. */
@DossierIntegrationTest
@TestPropertySource(properties = "dossier.test.context=first-run")
class FirstRunSetupIT {

	@LocalServerPort
	int port;

	@Test
	void theFirstVisitorSetsUpTheFirmAndNobodyCanDoItAgain() {
		Http http = new Http(this.port);

		Http.Response login = http.get("/login");
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).endsWith("/setup");
		Http.Response form = http.get("/setup");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Welcome to Dossier").contains("name=\"firmName\"");

		Http.Response weak = http.postForm("/setup", Map.of("firmName", "Acme", "adminName", "Ada", "adminEmail",
				"ada@first-run.test", "adminPassword", "password1234"), null);
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("too common");
		Http.Response badEmail = http.postForm("/setup", Map.of("firmName", "Acme", "adminName", "Ada", "adminEmail",
				"not-an-address", "adminPassword", Firms.PASSWORD), null);
		assertThat(badEmail.body()).contains("valid email address");
		assertThat(http.get("/setup").status()).as("still not set up").isEqualTo(200);

		Http.Response withoutCsrf = http.send(http.request("/setup", null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("firmName=Evil&adminName=E&adminEmail=e@e.test" + "&adminPassword=" + Firms.PASSWORD)));
		assertThat(withoutCsrf.status()).isEqualTo(403);

		Http.Response done = http.postForm("/setup", Map.of("firmName", "Acme Accounting", "adminName", "Ada Admin",
				"adminEmail", "Ada@First-Run.test", "adminPassword", Firms.PASSWORD), null);
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.header("Location")).endsWith("/login");

		Http.Response again = http.postForm("/setup", Map.of("firmName", "Second", "adminName", "Eve", "adminEmail",
				"eve@first-run.test", "adminPassword", Firms.PASSWORD), null);
		assertThat(again.status()).isEqualTo(302);
		assertThat(http.get("/setup").header("Location")).endsWith("/login");
		assertThat(http
			.postJson("/api/v1/tokens", Http.json(Map.of("email", "eve@first-run.test", "password", Firms.PASSWORD)))
			.status()).isEqualTo(401);

		String token = Firms.token(http, "ada@first-run.test", Firms.PASSWORD);
		Http.Response me = http.get("/api/v1/staff/me", token);
		assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
		assertThat(me.json().get("email").asString()).isEqualTo("ada@first-run.test");
		assertThat(http.get("/api/v1/settings", token).json().get("firmName").asString()).isEqualTo("Acme Accounting");
	}

}
