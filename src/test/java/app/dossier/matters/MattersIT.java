package app.dossier.matters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.PortalSession;
import app.dossier.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class MattersIT {

	@LocalServerPort
	int port;

	@Test
	void aMatterHasAFolderAndATimelineThatNamesCustomerUploads() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Matters");
		String token = firm.adminToken();
		String client = Customers.client(http, token, "Matter Co");
		Http.Response opened = http.postJson("/api/v1/clients/" + client + "/matters",
				"{\"name\":\"2025 tax return\",\"type\":\"Tax\"}", token);
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String matter = opened.json().get("id").asString();
		String folder = opened.json().get("folderId").asString();
		assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(http
			.postJson("/api/v1/clients/" + client + "/matters", "{\"name\":\"2025 tax return\",\"type\":\"Tax\"}",
					token)
			.status()).isEqualTo(201);
		assertThat(http.get("/api/v1/clients/" + client + "/folders", token).body()).contains("2025 tax return (2)");

		http.postMultipart("/api/v1/clients/" + client + "/documents", token,
				List.of(FilePart.file("engagement.pdf", bytes("e"))), Map.of("folderId", folder));
		String email = "m-" + System.nanoTime() + "@customer.test";
		String contact = http
			.postJson("/api/v1/clients/" + client + "/contacts", Http.json(Map.of("name", "Mia", "email", email)),
					token)
			.json()
			.get("id")
			.asString();
		http.postJson("/api/v1/contacts/" + contact + "/portal-access", "", token);
		http.postJson("/api/v1/folders/" + folder + "/shares",
				Http.json(Map.of("contactId", contact, "permission", "VIEW_UPLOAD")), token);
		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", token);
		String session = PortalSession.signIn(http, email);
		assertThat(http
			.postMultipartForm("/portal/upload?folder=" + folder, session,
					List.of(FilePart.file("receipts.pdf", bytes("r"))), Map.of())
			.status()).isEqualTo(200);

		JsonNode timeline = http.get("/api/v1/matters/" + matter + "/timeline", token).json().get("items");
		assertThat(timeline).hasSize(2);
		assertThat(timeline.get(0).get("type").asString()).isEqualTo("Document (Portal)");
		assertThat(timeline.get(0).get("author").asString()).isEqualTo("Mia");
		assertThat(timeline.get(1).get("type").asString()).isEqualTo("Document");

		Http.Response closed = http.patchJson("/api/v1/matters/" + matter, "{\"status\":\"CLOSED\"}", token);
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		assertThat(http.get("/api/v1/clients/" + client + "/matters", token).json().get("items")).hasSize(2);

		String staff = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		Http.Response page = http.getWithCookies("/matters/" + matter, staff);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Document (Portal)", "receipts.pdf", "Mia");
		assertThat(http.getWithCookies("/clients/" + client + "/matters", staff).body()).contains("2025 tax return");
	}

	@Test
	void badMattersAndOtherFirmsMattersAreRefused() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "BadMatters");
		Firms.TestFirm other = Firms.create(http, "OtherMatters");
		String client = Customers.client(http, firm, "M");
		assertThat(http
			.postJson("/api/v1/clients/" + client + "/matters", "{\"name\":\"\",\"type\":\"Tax\"}", firm.adminToken())
			.status()).isEqualTo(422);
		assertThat(http
			.postJson("/api/v1/clients/" + client + "/matters", "{\"name\":\"a/b\",\"type\":\"Tax\"}",
					firm.adminToken())
			.status()).isEqualTo(422);
		String matter = http
			.postJson("/api/v1/clients/" + client + "/matters", "{\"name\":\"Audit\",\"type\":\"Audit\"}",
					firm.adminToken())
			.json()
			.get("id")
			.asString();
		assertThat(http.get("/api/v1/matters/" + matter, other.adminToken()).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/matters/" + matter + "/timeline", other.adminToken()).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/clients/" + client + "/matters", other.adminToken()).status()).isEqualTo(404);
		assertThat(http.patchJson("/api/v1/matters/" + matter, "{\"status\":\"WHATEVER\"}", firm.adminToken()).status())
			.isEqualTo(400);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
