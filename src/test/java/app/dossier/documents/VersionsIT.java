package app.dossier.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.StoredFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import app.dossier.support.Http.FilePart;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class VersionsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aNewVersionReplacesTheBytesAndEarlierVersionsCanBeRestored() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Versions");
		String token = firm.adminToken();
		String client = DocumentsApiIT.client(http, firm, "Versioned Ltd");
		byte[] first = bytes("first draft");
		byte[] second = bytes("second, signed");
		String id = DocumentsApiIT.upload(http, firm, client, "contract.txt", first);

		Http.Response added = http.postMultipart("/api/v1/documents/" + id + "/versions", token,
				List.of(FilePart.file("contract-signed.txt", second)), Map.of());
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("version").asInt()).isEqualTo(2);
		assertThat(added.json().get("name").asString()).isEqualTo("contract.txt");
		assertThat(added.json().get("sha256").asString()).isEqualTo(DocumentsApiIT.sha256(second));
		assertThat(http.download("/api/v1/documents/" + id + "/content", token).body()).isEqualTo(second);

		JsonNode versions = http.get("/api/v1/documents/" + id + "/versions", token).json().get("items");
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("current").asBoolean()).isTrue();
		assertThat(versions.get(1).get("version").asInt()).isEqualTo(1);
		assertThat(versions.get(1).get("sha256").asString()).isEqualTo(DocumentsApiIT.sha256(first));
		String v1 = versions.get(1).get("id").asString();
		assertThat(http.download("/api/v1/documents/" + id + "/versions/" + v1 + "/content", token).body())
			.isEqualTo(first);

		http.patchJson("/api/v1/documents/" + id, "{\"name\":\"agreement.txt\"}", token);
		Http.Response restored = http.postJson("/api/v1/documents/" + id + "/versions/" + v1 + "/restore", "", token);
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(restored.json().get("version").asInt()).isEqualTo(3);
		assertThat(restored.json().get("sha256").asString()).isEqualTo(DocumentsApiIT.sha256(first));
		assertThat(http.download("/api/v1/documents/" + id + "/content", token).body()).isEqualTo(first);
		String v2 = http.get("/api/v1/documents/" + id + "/versions", token)
			.json()
			.get("items")
			.get(1)
			.get("id")
			.asString();
		assertThat(http.download("/api/v1/documents/" + id + "/versions/" + v2 + "/content", token).body())
			.isEqualTo(second);

		assertThat(http.delete("/api/v1/documents/" + id, token).status()).isEqualTo(204);
		assertThat(new StoredFiles(this.context).of(firm.id(), client)).isEmpty();
	}

	@Test
	void badVersionUploadsAreRefused() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "BadVersions");
		Firms.TestFirm other = Firms.create(http, "OtherVersions");
		String client = DocumentsApiIT.client(http, firm, "Bad Versions");
		String id = DocumentsApiIT.upload(http, firm, client, "a.txt", bytes("a"));
		String path = "/api/v1/documents/" + id + "/versions";
		assertThat(http
			.postMultipart(path, firm.adminToken(),
					List.of(FilePart.file("b.txt", bytes("b")), FilePart.file("c.txt", bytes("c"))), Map.of())
			.status()).isEqualTo(422);
		assertThat(http.postMultipart(path, firm.adminToken(), List.of(), Map.of()).status()).isEqualTo(422);
		assertThat(http.postMultipart(path, other.adminToken(), List.of(FilePart.file("b.txt", bytes("b"))), Map.of())
			.status()).isEqualTo(404);
		assertThat(http.get(path, other.adminToken()).status()).isEqualTo(404);
		assertThat(http.postJson(path + "/" + java.util.UUID.randomUUID() + "/restore", "", firm.adminToken()).status())
			.isEqualTo(404);
		assertThat(http.get(path, firm.adminToken()).json().get("items")).hasSize(1);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
