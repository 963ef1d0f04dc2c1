package app.dossier.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.Customers.Customer;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.MovableClock;
import app.dossier.support.PortalSession;
import app.dossier.support.TestMail;
import app.dossier.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff choose how often they hear of customer uploads; a context of its own, as it moves
 * the clock.
 */
@DossierIntegrationTest
@TestPropertySource(properties = "dossier.test.context=digests")
class DigestsIT {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Test
	void anHourlyDigestCollectsUploadsOfSeveralClientsAndOffSendsNothing() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Digest");
		String token = firm.adminToken();
		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", token);
		assertThat(http.putJson("/api/v1/notifications/preferences", "{\"CUSTOMER_UPLOAD\":\"HOURLY\"}", token)
			.json()
			.get("CUSTOMER_UPLOAD")
			.asString()).isEqualTo("HOURLY");
		upload(http, firm, Customers.withPortalAccess(http, firm, "First Client"), "first.pdf");
		upload(http, firm, Customers.withPortalAccess(http, firm, "Second Client"), "second.pdf");
		Thread.sleep(2500);
		assertThat(mails(firm.adminEmail())).isEmpty();

		this.clock.advance(Duration.ofMinutes(61));
		await().until(() -> mails(firm.adminEmail()).size() == 1);
		String body = TestMail.body(mails(firm.adminEmail()).get(0));
		assertThat(body).contains("First Client", "first.pdf", "Second Client", "second.pdf", "hour");

		String session = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		Http.Response page = http.getWithCookies("/clients", session);
		assertThat(page.body()).contains("2 unread notifications");
		assertThat(http.getWithCookies("/notifications", session).body()).contains("first.pdf", "second.pdf");
		assertThat(http.getWithCookies("/clients", session).body()).doesNotContain("unread notifications");

		http.postForm("/notifications/preferences", Map.of("customerUploads", "OFF"), session);
		upload(http, firm, Customers.withPortalAccess(http, firm, "Third Client"), "third.pdf");
		this.clock.advance(Duration.ofDays(2));
		Thread.sleep(2500);
		assertThat(mails(firm.adminEmail())).hasSize(1);
	}

	private static void upload(Http http, Firms.TestFirm firm, Customer customer, String name) {
		String folder = http.get("/api/v1/clients/" + customer.clientId() + "/folders", firm.adminToken())
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		String session = PortalSession.signIn(http, customer.email());
		assertThat(http
			.postMultipartForm("/portal/upload?folder=" + folder, session,
					List.of(FilePart.file(name, name.getBytes(StandardCharsets.UTF_8))), Map.of())
			.status()).isEqualTo(200);
	}

	private static List<MimeMessage> mails(String email) {
		return TestMail.to(email).stream().filter((m) -> {
			try {
				return String.valueOf(m.getSubject()).contains("documents from your clients");
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

}
