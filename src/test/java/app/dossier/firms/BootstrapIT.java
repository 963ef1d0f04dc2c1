package app.dossier.firms;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
@TestPropertySource(properties = { "DOSSIER_BOOTSTRAP_FIRM_NAME=Headless LLP",
		"DOSSIER_BOOTSTRAP_ADMIN_EMAIL=ops@headless.test", "DOSSIER_BOOTSTRAP_ADMIN_PASSWORD=" + Firms.PASSWORD })
class BootstrapIT {

	@LocalServerPort
	int port;

	@Test
	void theBootstrapVariablesCreateTheFirstFirmAndItsAdministrator() {
		Http http = new Http(this.port);
		String token = Firms.token(http, "ops@headless.test", Firms.PASSWORD);
		assertThat(http.get("/api/v1/settings", token).json().get("firmName").asString()).isEqualTo("Headless LLP");
		assertThat(http.get("/api/v1/staff/me", token).json().get("name").asString()).isEqualTo("Administrator");
		assertThat(http.get("/login").status()).as("no setup page any more").isEqualTo(200);
	}

}
