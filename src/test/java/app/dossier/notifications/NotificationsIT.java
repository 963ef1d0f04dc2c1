package app.dossier.notifications;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.Customers;
import app.dossier.support.Customers.Customer;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.PortalSession;
import app.dossier.support.TestMail;
import app.dossier.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DossierIntegrationTest
class NotificationsIT {

	@LocalServerPort
	int port;

	@Test
	void tenFilesUploadedOneByOneMakeOneEmailToTheAssignedStaff() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Batching");
		String token = firm.adminToken();
		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", token);
		Customer customer = Customers.withPortalAccess(http, firm, "Busy Client");
		String uploads = http.get("/api/v1/clients/" + customer.clientId() + "/folders", token)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		String session = PortalSession.signIn(http, customer.email());
		for (int i = 1; i <= 10; i++) {
			Http.Response sent = http.postMultipartForm("/portal/upload?folder=" + uploads, session,
					List.of(FilePart.file("receipt-" + i + ".pdf", ("r" + i).getBytes(StandardCharsets.UTF_8))),
					Map.of());
			assertThat(sent.status()).isEqualTo(200);
		}
		await().until(() -> !uploadMails(firm.adminEmail()).isEmpty());
		Thread.sleep(2500);
		List<MimeMessage> mails = uploadMails(firm.adminEmail());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Busy Client uploaded 10 documents");
		String body = TestMail.body(mails.get(0));
		for (int i = 1; i <= 10; i++) {
			assertThat(body).contains("receipt-" + i + ".pdf");
		}

		JsonNode inbox = http.get("/api/v1/notifications", token).json();
		assertThat(inbox.get("unread").asLong()).isEqualTo(10);
		http.postJson("/api/v1/notifications/read", "", token);
		assertThat(http.get("/api/v1/notifications", token).json().get("unread").asLong()).isZero();
	}

	@Test
	void customersHearOfSharesAndNewDocumentsTheyMaySeeByEmailAndByTextOnlyIfOptedIn() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Telling");
		String token = firm.adminToken();
		Customer texted = Customers.withPortalAccess(http, firm, "Texted Client");
		http.patchJson("/api/v1/contacts/" + texted.contactId(), "{\"phone\":\"+44 20 7946 0000\",\"smsOptIn\":true}",
				token);
		String silentEmail = "silent-" + System.nanoTime() + "@customer.test";
		String silent = http
			.postJson("/api/v1/clients/" + texted.clientId() + "/contacts",
					Http.json(Map.of("name", "Sid", "email", silentEmail, "phone", "+44 20 7946 0001")), token)
			.json()
			.get("id")
			.asString();
		http.postJson("/api/v1/contacts/" + silent + "/portal-access", "", token);
		String folder = http.postJson("/api/v1/clients/" + texted.clientId() + "/folders", "{\"name\":\"Tax\"}", token)
			.json()
			.get("id")
			.asString();
		for (String contact : List.of(texted.contactId(), silent)) {
			http.postJson("/api/v1/folders/" + folder + "/shares",
					Http.json(Map.of("contactId", contact, "permission", "VIEW")), token);
		}
		http.postMultipart("/api/v1/clients/" + texted.clientId() + "/documents", token,
				List.of(FilePart.file("return.pdf", "p".getBytes(StandardCharsets.UTF_8))), Map.of("folderId", folder));
		http.postMultipart("/api/v1/clients/" + texted.clientId() + "/documents", token,
				List.of(FilePart.file("hidden.pdf", "h".getBytes(StandardCharsets.UTF_8))),
				Map.of("folderId", folder, "visibleToClient", "false"));

		await().until(() -> newsMails(texted.email()).size() == 1 && newsMails(silentEmail).size() == 1);
		String body = TestMail.body(newsMails(texted.email()).get(0));
		assertThat(body).contains("Tax", "return.pdf").doesNotContain("hidden.pdf");

		await().untilAsserted(() -> {
			JsonNode log = http.get("/api/v1/clients/" + texted.clientId() + "/messages", token).json().get("items");
			List<String> lines = new ArrayList<>();
			log.forEach((m) -> lines.add(m.get("channel").asString() + " " + m.get("recipient").asString() + " "
					+ m.get("status").asString()));
			assertThat(lines).contains("SMS +44 20 7946 0000 SENT", "EMAIL " + texted.email() + " SENT",
					"EMAIL " + silentEmail + " SENT");
			assertThat(lines).noneMatch((line) -> line.startsWith("SMS +44 20 7946 0001"));
		});
		String staff = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		Http.Response log = http.getWithCookies("/clients/" + texted.clientId() + "/messages", staff);
		assertThat(log.status()).isEqualTo(200);
		assertThat(log.body()).contains("Text", "1 new document", "Sent", "shares documents with you");
	}

	@Test
	void namesThatTryToAddHeadersAreRefusedAndDisplayNamesAndInternationalDomainsWork() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Headers");
		String token = firm.adminToken();
		String client = Customers.client(http, token, "Header Co");
		assertThat(http
			.postJson("/api/v1/clients/" + client + "/contacts",
					Http.json(Map.of("name", "Eve\r\nBcc: evil@attacker.test", "email", "eve@customer.test")), token)
			.status()).isEqualTo(422);
		assertThat(http
			.postJson("/api/v1/clients/" + client + "/contacts",
					Http.json(Map.of("name", "Eve", "email", "eve@customer.test\r\nBcc: evil@attacker.test")), token)
			.status()).isEqualTo(422);
		Http.Response quoted = http.postJson("/api/v1/clients/" + client + "/contacts", Http
			.json(Map.of("name", "O'Brien, \"Ann\" <boss>", "email", "ann-" + System.nanoTime() + "@customer.test")),
				token);
		assertThat(quoted.status()).isEqualTo(201);
		http.postJson("/api/v1/contacts/" + quoted.json().get("id").asString() + "/portal-access", "", token);
		String email = quoted.json().get("email").asString();
		await().until(() -> !TestMail.to(email).isEmpty());
		assertThat(TestMail.to("evil@attacker.test")).isEmpty();
	}

	private static List<MimeMessage> uploadMails(String email) {
		return TestMail.to(email).stream().filter((m) -> subject(m).contains("uploaded")).toList();
	}

	private static List<MimeMessage> newsMails(String email) {
		return TestMail.to(email).stream().filter((m) -> subject(m).contains("new document")).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (Exception ex) {
			return "";
		}
	}

}
