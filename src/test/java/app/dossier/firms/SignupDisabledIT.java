package app.dossier.firms;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
@TestPropertySource(properties = "dossier.signup.enabled=false")
class SignupDisabledIT {

	@LocalServerPort
	int port;

	@Test
	void signupAnswersNotFoundWhenSwitchedOff() {
		Http http = new Http(this.port);
		Http.Response response = http.postJson("/api/v1/firms", Http.json(Map.of("name", "Acme", "adminName", "A",
				"adminEmail", "a@disabled.test", "adminPassword", Firms.PASSWORD)));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(http.get("/setup").status()).as("and no firm was created").isEqualTo(200);
	}

}
