package app.dossier.scanning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.ClamdServer;
import app.dossier.support.Customers;
import app.dossier.support.Customers.Customer;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.PortalSession;
import app.dossier.support.TestMail;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a real clamd that knows the EICAR test string: new documents wait hidden from
 * customers until clamd finds them clean; infected ones are quarantined; a clamd outage
 * only delays the verdict.
 */
@DossierIntegrationTest
class VirusScanningIT {

	/** The EICAR test string, put together here so no scanner flags this source file. */
	static final byte[] EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void clamd(DynamicPropertyRegistry registry) {
		registry.add("dossier.scan.clamd.host", () -> "127.0.0.1");
		registry.add("dossier.scan.clamd.port", ClamdServer::port);
		registry.add("dossier.scan.retry-interval", () -> "500ms");
	}

	@Test
	void aCleanDocumentReachesTheCustomerOnceScannedAndItsContactIsToldThen() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Scanning");
		Customer customer = Customers.withPortalAccess(http, firm, "Clean Client");
		String folder = sharedFolder(http, firm, customer);

		String id = upload(http, firm, customer, folder, "statement.pdf", "%PDF-1.4 clean".getBytes()).get("id")
			.asString();

		await().untilAsserted(() -> assertThat(status(http, firm, id)).isEqualTo("CLEAN"));
		String session = PortalSession.signIn(http, customer.email());
		assertThat(http.getWithCookies("/portal/files?folder=" + folder, session).body()).contains("statement.pdf");
		await().until(() -> TestMail.to(customer.email())
			.stream()
			.anyMatch((m) -> TestMail.body(m).contains("statement.pdf")));
	}

	@Test
	void eicarInAFileAndInsideAZipIsQuarantinedForEveryoneAndStaffAndTheSenderAreTold() throws IOException {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Quarantine");
		String token = firm.adminToken();
		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", token);
		Customer customer = Customers.withPortalAccess(http, firm, "Infected Client");
		String uploads = http.get("/api/v1/clients/" + customer.clientId() + "/folders", token)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		String session = PortalSession.signIn(http, customer.email());

		Http.Response sent = http.postMultipartForm("/portal/api/uploads?folder=" + uploads, session,
				List.of(FilePart.file("invoice.txt", EICAR)), Map.of());
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String plain = sent.json().get("items").get(0).get("id").asString();
		String zipped = upload(http, firm, customer, null, "archive.zip", zip("inner/tool.com", EICAR)).get("id")
			.asString();

		await().untilAsserted(() -> {
			assertThat(status(http, firm, plain)).isEqualTo("INFECTED");
			assertThat(status(http, firm, zipped)).isEqualTo("INFECTED");
		});
		for (String id : List.of(plain, zipped)) {
			assertThat(http.download("/api/v1/documents/" + id + "/content", token).statusCode()).isEqualTo(403);
		}
		assertThat(http.getWithCookies("/portal/files?folder=" + uploads, session).body())
			.doesNotContain("invoice.txt");
		assertThat(http.getWithCookies("/portal/documents/" + plain + "/download", session).status()).isEqualTo(404);

		await().until(() -> quarantineMails(firm.adminEmail()).size() == 2);
		assertThat(TestMail.body(quarantineMails(firm.adminEmail()).get(0))).contains("Dossier.Test.EICAR");
		await().until(() -> TestMail.to(customer.email())
			.stream()
			.anyMatch((m) -> subject(m).contains("could not accept invoice.txt")));
		JsonNode inbox = http.get("/api/v1/notifications", token).json();
		assertThat(inbox.toString()).contains("quarantined");
		JsonNode activity = http.get("/api/v1/clients/" + customer.clientId() + "/activity", token).json();
		assertThat(activity.toString()).contains("document.quarantined");
		String staff = app.dossier.support.WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		assertThat(http.getWithCookies("/clients/" + customer.clientId() + "/files", staff).body())
			.contains("Quarantined");
	}

	@Test
	void whileClamdIsDownDocumentsWaitHiddenAndAreScannedWhenItIsBack() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Outage");
		Customer customer = Customers.withPortalAccess(http, firm, "Waiting Client");
		String folder = sharedFolder(http, firm, customer);
		String session = PortalSession.signIn(http, customer.email());
		ClamdServer.stop();
		try {
			String id = upload(http, firm, customer, folder, "payslip.pdf", "%PDF-1.4 payslip".getBytes()).get("id")
				.asString();
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(status(http, firm, id)).isEqualTo("PENDING");
				assertThat(http.getWithCookies("/portal/files?folder=" + folder, session).body())
					.doesNotContain("payslip.pdf");
			});
		}
		finally {
			ClamdServer.start();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(http.getWithCookies("/portal/files?folder=" + folder, session).body())
				.contains("payslip.pdf"));
	}

	private static String sharedFolder(Http http, Firms.TestFirm firm, Customer customer) {
		String token = firm.adminToken();
		String folder = http
			.postJson("/api/v1/clients/" + customer.clientId() + "/folders", "{\"name\":\"Tax\"}", token)
			.json()
			.get("id")
			.asString();
		Http.Response shared = http.postJson("/api/v1/folders/" + folder + "/shares",
				Http.json(Map.of("contactId", customer.contactId(), "permission", "VIEW")), token);
		assertThat(shared.status()).as(shared.body()).isEqualTo(201);
		return folder;
	}

	private static JsonNode upload(Http http, Firms.TestFirm firm, Customer customer, String folder, String name,
			byte[] content) {
		Http.Response response = http.postMultipart("/api/v1/clients/" + customer.clientId() + "/documents",
				firm.adminToken(), List.of(FilePart.file(name, content)),
				(folder != null) ? Map.of("folderId", folder) : Map.of());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode document = response.json().get("items").get(0);
		assertThat(document.get("scanStatus").asString()).isIn("PENDING", "CLEAN", "INFECTED");
		return document;
	}

	private static String status(Http http, Firms.TestFirm firm, String id) {
		return http.get("/api/v1/documents/" + id, firm.adminToken()).json().get("scanStatus").asString();
	}

	private static byte[] zip(String entry, byte[] content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content);
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static List<MimeMessage> quarantineMails(String email) {
		return TestMail.to(email).stream().filter((m) -> subject(m).contains("quarantined")).toList();
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
