package app.dossier.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.StoredFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import app.dossier.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class CustomerFoldersIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aNewCustomersFolderAppliesToNewClientsOnlyAndFoldersSurviveRenames() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Folders");
		Http.Response settings = http.get("/api/v1/settings", firm.adminToken());
		assertThat(settings.json().get("customersRootFolder").asString()).isEqualTo("customers");
		assertThat(settings.json().get("customerUploadsEnabled").asBoolean()).isFalse();
		assertThat(settings.json().get("newDocumentsVisibleByDefault").asBoolean()).isTrue();
		assertThat(settings.json().get("maxFileSize").asLong()).isEqualTo(100L * 1024 * 1024);
		assertThat(settings.json().get("maxFilesPerUpload").asInt()).isEqualTo(25);

		String early = DocumentsApiIT.client(http, firm, "Early Bird");
		upload(http, firm, early, "one.txt");
		Http.Response changed = http.patchJson("/api/v1/settings",
				"{\"customersRootFolder\":\"Clients 2026\",\"newDocumentsVisibleByDefault\":false}", firm.adminToken());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("customersRootFolder").asString()).isEqualTo("Clients 2026");

		http.patchJson("/api/v1/clients/" + early, "{\"displayName\":\"Early Bird Renamed\"}", firm.adminToken());
		upload(http, firm, early, "two.txt");
		String late = DocumentsApiIT.client(http, firm, "Late Comer");
		String lateDoc = upload(http, firm, late, "three.txt");

		StoredFiles stored = new StoredFiles(this.context);
		assertThat(stored.folderOf(firm.id(), early)).containsExactly("customers", "Early Bird");
		assertThat(stored.of(firm.id(), early)).containsOnlyKeys("one.txt", "two.txt");
		assertThat(stored.folderOf(firm.id(), late)).containsExactly("Clients 2026", "Late Comer");
		assertThat(stored.of(firm.id(), late)).containsOnlyKeys("three.txt");
		assertThat(
				http.get("/api/v1/documents/" + lateDoc, firm.adminToken()).json().get("visibleToClient").asBoolean())
			.isFalse();
		assertThat(http.get("/api/v1/clients/" + early, firm.adminToken()).json().get("folderName").asString())
			.isEqualTo("Early Bird");
	}

	@Test
	void clientsWithTheSameNameGetNumberedFolders() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Twins");
		String first = DocumentsApiIT.client(http, firm, "Jane Doe");
		String second = DocumentsApiIT.client(http, firm, "jane doe");
		upload(http, firm, first, "a.txt");
		upload(http, firm, second, "b.txt");
		assertThat(http.get("/api/v1/clients/" + first, firm.adminToken()).json().get("folderName").asString())
			.isEqualTo("Jane Doe");
		assertThat(http.get("/api/v1/clients/" + second, firm.adminToken()).json().get("folderName").asString())
			.isEqualTo("jane doe-2");
	}

	@Test
	void badSettingsAreRefusedAndChangeNothing() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "BadSettings");
		for (String body : List.of("{\"customersRootFolder\":\"../escape\"}", "{\"customersRootFolder\":\"a/b\"}",
				"{\"customersRootFolder\":\"\"}", "{\"maxFileSize\":0}", "{\"maxFileSize\":99999999999999}",
				"{\"maxFilesPerUpload\":0}", "{\"maxFilesPerUpload\":101}",
				"{\"firmName\":\"Fine\",\"maxFilesPerUpload\":-1}")) {
			Http.Response refused = http.patchJson("/api/v1/settings", body, firm.adminToken());
			assertThat(refused.status()).as(body).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(http.patchJson("/api/v1/settings", "{\"maxFileSize\":\"big\"}", firm.adminToken()).status())
			.isEqualTo(400);
		Http.Response unchanged = http.get("/api/v1/settings", firm.adminToken());
		assertThat(unchanged.json().get("customersRootFolder").asString()).isEqualTo("customers");
		assertThat(unchanged.json().get("firmName").asString()).startsWith("BadSettings");
		assertThat(unchanged.json().get("maxFilesPerUpload").asInt()).isEqualTo(25);

		String staff = Firms.join(http, firm, "s-" + firm.id() + "@bad.test", "STAFF");
		assertThat(http.patchJson("/api/v1/settings", "{\"maxFilesPerUpload\":5}", staff).status()).isEqualTo(403);
	}

	@Test
	void theSettingsPageShowsAndSavesTheCustomerFileSettings() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "SettingsPage");
		String session = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		Http.Response page = http.send(http.request("/settings", null).header("Cookie", session).GET());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Customers folder", "Files per upload");
		Http.Response saved = http
			.postForm(
					"/settings", Map.of("firmName", "Settings Page Ltd", "customersRootFolder", "Kunden",
							"maxFileSizeMb", "250", "maxFilesPerUpload", "10", "customerUploadsEnabled", "true"),
					session);
		assertThat(saved.status()).isEqualTo(302);
		Http.Response after = http.get("/api/v1/settings", firm.adminToken());
		assertThat(after.json().get("customersRootFolder").asString()).isEqualTo("Kunden");
		assertThat(after.json().get("maxFileSize").asLong()).isEqualTo(250L * 1024 * 1024);
		assertThat(after.json().get("maxFilesPerUpload").asInt()).isEqualTo(10);
		assertThat(after.json().get("customerUploadsEnabled").asBoolean()).isTrue();
		assertThat(after.json().get("newDocumentsVisibleByDefault").asBoolean()).isFalse();
	}

	private static String upload(Http http, Firms.TestFirm firm, String clientId, String name) {
		return DocumentsApiIT.upload(http, firm, clientId, name, name.getBytes(StandardCharsets.UTF_8));
	}

}
