package app.dossier.sharing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class FoldersAndSharingIT {

	@LocalServerPort
	int port;

	@Test
	void everyNewClientHasAClientUploadsFolderAndFoldersNest() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Foldering");
		String token = firm.adminToken();
		String client = client(http, token, "Nested Ltd");
		var folders = http.get("/api/v1/clients/" + client + "/folders", token).json().get("items");
		assertThat(folders).hasSize(1);
		assertThat(folders.get(0).get("name").asString()).isEqualTo("Client Uploads");
		assertThat(folders.get(0).get("clientUploads").asBoolean()).isTrue();

		Http.Response parent = http.postJson("/api/v1/clients/" + client + "/folders", "{\"name\":\"Tax\"}", token);
		assertThat(parent.status()).isEqualTo(201);
		String parentId = parent.json().get("id").asString();
		Http.Response child = http.postJson("/api/v1/clients/" + client + "/folders",
				Http.json(Map.of("name", "2025", "parentId", parentId)), token);
		assertThat(child.status()).isEqualTo(201);
		assertThat(child.json().get("parentId").asString()).isEqualTo(parentId);
		assertThat(http.postJson("/api/v1/clients/" + client + "/folders", "{\"name\":\"TAX\"}", token).status())
			.isEqualTo(409);
		assertThat(http.delete("/api/v1/folders/" + parentId, token).status()).isEqualTo(409);

		Http.Response renamed = http.patchJson("/api/v1/folders/" + folders.get(0).get("id").asString(),
				"{\"name\":\"From you\"}", token);
		assertThat(renamed.json().get("name").asString()).isEqualTo("From you");
		assertThat(http.delete("/api/v1/folders/" + child.json().get("id").asString(), token).status()).isEqualTo(204);
	}

	@Test
	void badFolderNamesAreRefused() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "BadFolders");
		String token = firm.adminToken();
		String client = client(http, token, "Bad Names");
		for (String name : List.of("a/b", "a\\\\b", ".", "..", "", "   ", "x".repeat(300), "\\u202e")) {
			Http.Response refused = http.postJson("/api/v1/clients/" + client + "/folders",
					"{\"name\":\"" + name + "\"}", token);
			assertThat(refused.status()).as(name).isEqualTo(422);
			assertThat(refused.json().get("field").asString()).isEqualTo("name");
		}
		assertThat(http.get("/api/v1/clients/" + client + "/folders", token).json().get("items")).hasSize(1);
	}

	@Test
	void removingAShareOrDeletingADocumentTakesItOffThePortalOnly() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Unsharing");
		String token = firm.adminToken();
		String client = client(http, token, "Unshared Co");
		String contact = http
			.postJson("/api/v1/clients/" + client + "/contacts",
					Http.json(Map.of("name", "Una", "email", "una-" + System.nanoTime() + "@x.test")), token)
			.json()
			.get("id")
			.asString();
		String keep = upload(http, token, client, "keep.pdf");
		String gone = upload(http, token, client, "gone.pdf");
		String share = http
			.postJson("/api/v1/documents/" + keep + "/shares",
					Http.json(Map.of("contactId", contact, "permission", "VIEW")), token)
			.json()
			.get("id")
			.asString();
		http.postJson("/api/v1/documents/" + gone + "/shares",
				Http.json(Map.of("contactId", contact, "permission", "VIEW")), token);
		assertThat(http.get("/api/v1/contacts/" + contact + "/shared", token).body()).contains("keep.pdf", "gone.pdf");

		assertThat(http.delete("/api/v1/shares/" + share, token).status()).isEqualTo(204);
		assertThat(http.delete("/api/v1/documents/" + gone, token).status()).isEqualTo(204);

		assertThat(http.get("/api/v1/contacts/" + contact + "/shared", token).body()).doesNotContain("keep.pdf",
				"gone.pdf");
		assertThat(http.get("/api/v1/documents/" + keep, token).status()).isEqualTo(200);
		assertThat(http.get("/api/v1/contacts/" + contact + "/shares", token).json().get("items")).isEmpty();
	}

	@Test
	void anotherFirmsFoldersSharesAndContactsAreNotFound() {
		Http http = new Http(this.port);
		Firms.TestFirm mine = Firms.create(http, "MineShares");
		Firms.TestFirm theirs = Firms.create(http, "TheirShares");
		String theirClient = client(http, theirs.adminToken(), "Theirs");
		String theirFolder = http.get("/api/v1/clients/" + theirClient + "/folders", theirs.adminToken())
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		String theirContact = http
			.postJson("/api/v1/clients/" + theirClient + "/contacts",
					Http.json(Map.of("name", "T", "email", "t-" + System.nanoTime() + "@x.test")), theirs.adminToken())
			.json()
			.get("id")
			.asString();
		String theirShare = http
			.postJson("/api/v1/folders/" + theirFolder + "/shares",
					Http.json(Map.of("contactId", theirContact, "permission", "VIEW")), theirs.adminToken())
			.json()
			.get("id")
			.asString();
		String token = mine.adminToken();
		String myClient = client(http, token, "Mine");
		String myContact = http
			.postJson("/api/v1/clients/" + myClient + "/contacts",
					Http.json(Map.of("name", "M", "email", "m-" + System.nanoTime() + "@x.test")), token)
			.json()
			.get("id")
			.asString();
		assertThat(http.get("/api/v1/folders/" + theirFolder, token).status()).isEqualTo(404);
		assertThat(http.patchJson("/api/v1/folders/" + theirFolder, "{\"name\":\"x\"}", token).status()).isEqualTo(404);
		assertThat(http.delete("/api/v1/folders/" + theirFolder, token).status()).isEqualTo(404);
		assertThat(http
			.postJson("/api/v1/folders/" + theirFolder + "/shares",
					Http.json(Map.of("contactId", myContact, "permission", "VIEW")), token)
			.status()).isEqualTo(404);
		assertThat(http.delete("/api/v1/shares/" + theirShare, token).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/contacts/" + theirContact + "/shared", token).status()).isEqualTo(404);
		assertThat(http.postJson("/api/v1/contacts/" + theirContact + "/portal-access", "", token).status())
			.isEqualTo(404);
		String myFolder = http.get("/api/v1/clients/" + myClient + "/folders", token)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		assertThat(http
			.postJson("/api/v1/folders/" + myFolder + "/shares",
					Http.json(Map.of("contactId", theirContact, "permission", "VIEW")), token)
			.status()).isEqualTo(404);
		assertThat(http
			.postJson("/api/v1/folders/" + myFolder + "/shares",
					Http.json(Map.of("contactId", myContact, "permission", "EDIT")), token)
			.status()).isEqualTo(400);
	}

	private static String client(Http http, String token, String name) {
		return Customers.client(http, token, name);
	}

	private static String upload(Http http, String token, String client, String name) {
		return http
			.postMultipart("/api/v1/clients/" + client + "/documents", token,
					List.of(FilePart.file(name, name.getBytes(StandardCharsets.UTF_8))), Map.of())
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
	}

}
