package app.dossier.firms;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class SignupIT {

	@LocalServerPort
	int port;

	@Test
	void signupCreatesAFirmWhoseAdminCanSignIn() {
		Http http = new Http(this.port);
		Http.Response created = http.postJson("/api/v1/firms", Http.json(Map.of("name", "Müller & Søn", "adminName",
				"Greta", "adminEmail", "greta@signup.test", "adminPassword", Firms.PASSWORD)));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("slug").asString()).startsWith("muller-son");
		String token = Firms.token(http, "greta@signup.test", Firms.PASSWORD);
		assertThat(http.get("/api/v1/staff/me", token).json().get("name").asString()).isEqualTo("Greta");
	}

	@Test
	void anAddressThatHasAnAccountCannotSignUpAgainAndNothingIsCreated() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Taken");
		Http.Response again = http.postJson("/api/v1/firms", Http.json(Map.of("name", "Second Firm", "adminName", "X",
				"adminEmail", firm.adminEmail().toUpperCase(), "adminPassword", Firms.PASSWORD)));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).isEqualTo("application/problem+json");
	}

	@Test
	void missingFieldsAndMalformedJsonAreRefusedWithProblems() {
		Http http = new Http(this.port);
		Http.Response missing = http.postJson("/api/v1/firms", "{\"name\":\"Acme\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.contentType()).isEqualTo("application/problem+json");
		assertThat(missing.body()).contains("adminEmail").contains("adminPassword");
		Http.Response malformed = http.postJson("/api/v1/firms", "{\"name\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("detail").asString()).contains("not valid JSON");
		Http.Response weak = http.postJson("/api/v1/firms", Http.json(
				Map.of("name", "Weak", "adminName", "W", "adminEmail", "weak@signup.test", "adminPassword", "short")));
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.json().get("field").asString()).isEqualTo("password");
		assertThat(http.postJson("/api/v1/tokens", Http.json(Map.of("email", "weak@signup.test", "password", "short")))
			.status()).isEqualTo(401);
	}

	@Test
	void onlyAdminsChangeSettingsAndTheChangeIsAudited() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Settings");
		Http.Response renamed = http.patchJson("/api/v1/settings", "{\"firmName\":\"Renamed Firm\"}",
				firm.adminToken());
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("firmName").asString()).isEqualTo("Renamed Firm");
		Http.Response empty = http.patchJson("/api/v1/settings", "{\"firmName\":\"  \"}", firm.adminToken());
		assertThat(empty.status()).isEqualTo(422);
		assertThat(http.get("/api/v1/settings", firm.adminToken()).json().get("firmName").asString())
			.isEqualTo("Renamed Firm");
		org.awaitility.Awaitility.await()
			.untilAsserted(
					() -> assertThat(http.get("/api/v1/audit", firm.adminToken()).body()).contains("settings.changed")
						.contains("Renamed Firm"));
	}

}
