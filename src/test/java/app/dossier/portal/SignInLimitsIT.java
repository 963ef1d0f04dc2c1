package app.dossier.portal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.PortalSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sign-in link requests are limited per address and per client IP. */
@DossierIntegrationTest
@TestPropertySource(properties = { "dossier.test.context=portal-limits", "dossier.portal.sign-in-requests-per-ip=8" })
class SignInLimitsIT {

	@LocalServerPort
	int port;

	@Test
	void anAddressGetsAtMostFiveLinksAndOneIpAtMostItsShareOfRequests() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Limited");
		String email = Customers.withPortalAccess(http, firm, "Limited Co").email();

		for (int i = 0; i < 7; i++) {
			Http.Response asked = http.postForm("/portal/login", Map.of("email", email), null);
			assertThat(asked.header("Location")).endsWith("/portal/login/sent");
		}
		await().until(() -> PortalSession.signInMails(email).size() >= 5);
		Thread.sleep(500);
		assertThat(PortalSession.signInMails(email)).hasSize(5);

		http.postForm("/portal/login", Map.of("email", "other@customer.test"), null);
		Http.Response throttled = http.postForm("/portal/login", Map.of("email", "third@customer.test"), null);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.body()).contains("Please wait");
	}

}
