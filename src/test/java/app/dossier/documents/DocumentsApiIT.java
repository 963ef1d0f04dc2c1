package app.dossier.documents;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DossierIntegrationTest
class DocumentsApiIT {

	@LocalServerPort
	int port;

	@Value("${dossier.storage.root}")
	Path storageRoot;

	@Autowired
	ApplicationContext context;

	@Test
	void uploadedFilesAreStoredInTheClientsFolderWithTheirChecksum() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Uploads");
		String clientId = client(http, firm, "Ærøskøbing Bakery");
		byte[] pdf = "%PDF-1.4\n% a tiny pdf\n".getBytes(StandardCharsets.US_ASCII);
		byte[] notes = "plain notes".getBytes(StandardCharsets.UTF_8);

		Http.Response uploaded = http.postMultipart("/api/v1/clients/" + clientId + "/documents", firm.adminToken(),
				List.of(FilePart.file("Tax return 2025.pdf", pdf), FilePart.file("notes.txt", notes)),
				Map.of("notes", "For review", "documentDate", "2026-03-31", "visibleToClient", "false",
						"showOnDashboard", "true"));

		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		JsonNode items = uploaded.json().get("items");
		assertThat(items).hasSize(2);
		JsonNode first = items.get(0);
		assertThat(first.get("name").asString()).isEqualTo("Tax return 2025.pdf");
		assertThat(first.get("size").asLong()).isEqualTo(pdf.length);
		assertThat(first.get("sha256").asString()).isEqualTo(sha256(pdf));
		assertThat(first.get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(first.get("visibleToClient").asBoolean()).isFalse();
		assertThat(first.get("showOnDashboard").asBoolean()).isTrue();
		assertThat(first.get("notes").asString()).isEqualTo("For review");
		assertThat(first.get("documentDate").asString()).isEqualTo("2026-03-31");
		assertThat(first.get("source").asString()).isEqualTo("STAFF");
		assertThat(first.get("uploadedBy").get("kind").asString()).isEqualTo("STAFF");
		assertThat(first.has("createdAt")).isTrue();
		assertThat(first.has("lastActivityAt")).isTrue();

		StoredFiles stored = new StoredFiles(this.context);
		assertThat(stored.folderOf(firm.id(), clientId)).containsExactly("customers", "AEroskobing Bakery");
		assertThat(stored.of(firm.id(), clientId).get("Tax return 2025.pdf")).isEqualTo(pdf);
		assertThat(stored.of(firm.id(), clientId).get("notes.txt")).isEqualTo(notes);
		assertThat(http.get("/api/v1/clients/" + clientId, firm.adminToken()).json().get("folderName").asString())
			.isEqualTo("AEroskobing Bakery");

		Http.Response again = http.postMultipart("/api/v1/clients/" + clientId + "/documents", firm.adminToken(),
				List.of(FilePart.file("notes.txt", "second".getBytes(StandardCharsets.UTF_8))), Map.of());
		assertThat(again.json().get("items").get(0).get("name").asString()).isEqualTo("notes.txt");
		assertThat(again.json().get("items").get(0).get("visibleToClient").asBoolean()).isTrue();
		assertThat(stored.of(firm.id(), clientId).get("notes (2).txt")).isEqualTo(bytesOf("second"));
		assertThat(Files.list(this.storageRoot.resolve(".incoming"))).isEmpty();
	}

	@Test
	void documentsAreListedSortedAndSearchedIgnoringCaseAndAccents() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Sorting");
		String clientId = client(http, firm, "Sorted Ltd");
		for (String name : List.of("beta.txt", "Álpha.txt", "gamma.txt")) {
			http.postMultipart("/api/v1/clients/" + clientId + "/documents", firm.adminToken(),
					List.of(FilePart.file(name, name.getBytes(StandardCharsets.UTF_8))), Map.of());
		}
		String base = "/api/v1/clients/" + clientId + "/documents";
		assertThat(names(http.get(base, firm.adminToken()))).containsExactly("Álpha.txt", "beta.txt", "gamma.txt");
		assertThat(names(http.get(base + "?sort=name&order=desc", firm.adminToken()))).containsExactly("gamma.txt",
				"beta.txt", "Álpha.txt");
		assertThat(names(http.get(base + "?sort=created&order=asc", firm.adminToken()))).containsExactly("beta.txt",
				"Álpha.txt", "gamma.txt");
		assertThat(names(http.get(base + "?sort=created&order=desc", firm.adminToken()))).containsExactly("gamma.txt",
				"Álpha.txt", "beta.txt");
		assertThat(names(http.get(base + "?q=ALPHA", firm.adminToken()))).containsExactly("Álpha.txt");
		assertThat(names(http.get(base + "?q=%25", firm.adminToken()))).isEmpty();
		assertThat(http.get(base + "?sort=size", firm.adminToken()).status()).isEqualTo(422);
		assertThat(http.get(base + "?order=up", firm.adminToken()).status()).isEqualTo(422);

		String betaId = http.get(base + "?q=beta", firm.adminToken()).json().get("items").get(0).get("id").asString();
		http.patchJson("/api/v1/documents/" + betaId, "{\"notes\":\"touched\"}", firm.adminToken());
		assertThat(names(http.get(base + "?sort=activity&order=desc", firm.adminToken())).get(0)).isEqualTo("beta.txt");
		assertThat(http.get("/api/v1/clients?q=sorted", firm.adminToken())
			.json()
			.get("items")
			.get(0)
			.get("documentCount")
			.asLong()).isEqualTo(3);
	}

	@Test
	void longListsComeAPageAtATimeInEveryOrder() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Paging");
		String clientId = client(http, firm, "Paged Ltd");
		List<FilePart> files = new ArrayList<>();
		for (int i = 1; i <= 7; i++) {
			files.add(FilePart.file("doc-" + i + ".txt", ("content " + i).getBytes(StandardCharsets.UTF_8)));
		}
		http.postMultipart("/api/v1/clients/" + clientId + "/documents", firm.adminToken(), files, Map.of());
		String base = "/api/v1/clients/" + clientId + "/documents";

		List<String> walked = new ArrayList<>();
		Integer offset = 0;
		int pages = 0;
		while (offset != null) {
			JsonNode page = http.get(base + "?sort=name&order=desc&limit=3&offset=" + offset, firm.adminToken()).json();
			assertThat(page.get("limit").asInt()).isEqualTo(3);
			assertThat(page.get("offset").asInt()).isEqualTo(offset);
			page.get("items").forEach((item) -> walked.add(item.get("name").asString()));
			offset = page.get("nextOffset").isNull() ? null : page.get("nextOffset").asInt();
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(walked).containsExactly("doc-7.txt", "doc-6.txt", "doc-5.txt", "doc-4.txt", "doc-3.txt", "doc-2.txt",
				"doc-1.txt");
		JsonNode all = http.get(base, firm.adminToken()).json();
		assertThat(all.get("items")).hasSize(7);
		assertThat(all.get("limit").asInt()).isEqualTo(100);
		assertThat(all.get("nextOffset").isNull()).isTrue();
		assertThat(names(http.get(base + "?offset=7", firm.adminToken()))).isEmpty();

		for (String bad : List.of("?limit=0", "?limit=501", "?limit=-1", "?offset=-1", "?limit=ten", "?offset=x")) {
			Http.Response refused = http.get(base + bad, firm.adminToken());
			assertThat(refused.status()).as(bad).isIn(400, 422);
			assertThat(refused.header("Content-Type")).as(bad).startsWith("application/problem+json");
		}
	}

	@Test
	void downloadsStreamWithHeadersRangesAndConditionalRequests() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Downloads");
		String clientId = client(http, firm, "Downloader");
		byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
		String name = "Résumé \"final\"\r\nSet-Cookie: x=y.txt";
		JsonNode document = http
			.postMultipart("/api/v1/clients/" + clientId + "/documents", firm.adminToken(),
					List.of(FilePart.file("cv.txt", content)), Map.of())
			.json()
			.get("items")
			.get(0);
		String id = document.get("id").asString();
		http.patchJson("/api/v1/documents/" + id, Http.json(Map.of("name", name)), firm.adminToken());

		HttpResponse<byte[]> full = http.download("/api/v1/documents/" + id + "/content", firm.adminToken());
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(full.body()).isEqualTo(content);
		assertThat(full.headers().firstValue("Content-Length")).hasValue("20");
		assertThat(full.headers().firstValue("ETag")).hasValue("\"" + sha256(content) + "\"");
		assertThat(full.headers().firstValue("Set-Cookie")).isEmpty();
		String disposition = full.headers().firstValue("Content-Disposition").orElseThrow();
		assertThat(disposition).startsWith("attachment; filename=\"")
			.contains("filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22Set-Cookie%3A%20x%3Dy.txt")
			.doesNotContain("\r", "\n");

		HttpResponse<byte[]> range = http.download("/api/v1/documents/" + id + "/content", firm.adminToken(), "Range",
				"bytes=10-14");
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(new String(range.body(), StandardCharsets.US_ASCII)).isEqualTo("abcde");
		assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 10-14/20");

		HttpResponse<byte[]> notModified = http.download("/api/v1/documents/" + id + "/content", firm.adminToken(),
				"If-None-Match", "\"" + sha256(content) + "\"");
		assertThat(notModified.statusCode()).isEqualTo(304);

		await().untilAsserted(() -> {
			JsonNode activity = http.get("/api/v1/clients/" + clientId + "/activity", firm.adminToken()).json();
			assertThat(activity.get("items").toString()).contains("document.uploaded", "document.renamed",
					"document.downloaded");
		});
		JsonNode downloaded = java.util.stream.StreamSupport
			.stream(http.get("/api/v1/clients/" + clientId + "/activity", firm.adminToken())
				.json()
				.get("items")
				.spliterator(), false)
			.filter((item) -> item.get("type").asString().equals("document.downloaded"))
			.findFirst()
			.orElseThrow();
		assertThat(downloaded.get("documentId").asString()).isEqualTo(id);
		assertThat(downloaded.get("actor").asString()).startsWith("Admin");
		assertThat(downloaded.get("ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
	}

	@Test
	void metadataChangesAndDeletionsAreAppliedAndRecorded() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Metadata");
		String clientId = client(http, firm, "Meta Co");
		String id = upload(http, firm, clientId, "draft.docx", "x".getBytes(StandardCharsets.UTF_8));
		Http.Response changed = http.patchJson("/api/v1/documents/" + id,
				"{\"name\":\"final.docx\",\"visibleToClient\":false,\"showOnDashboard\":true,"
						+ "\"notes\":\"Signed\",\"documentDate\":\"2026-01-15\"}",
				firm.adminToken());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("name").asString()).isEqualTo("final.docx");
		assertThat(changed.json().get("visibleToClient").asBoolean()).isFalse();
		assertThat(changed.json().get("documentDate").asString()).isEqualTo("2026-01-15");
		Http.Response cleared = http.patchJson("/api/v1/documents/" + id, "{\"notes\":\"\",\"documentDate\":\"\"}",
				firm.adminToken());
		assertThat(cleared.json().get("notes").isNull()).isTrue();
		assertThat(cleared.json().get("documentDate").isNull()).isTrue();

		Http.Response badDate = http.patchJson("/api/v1/documents/" + id, "{\"documentDate\":\"31/12/2026\"}",
				firm.adminToken());
		assertThat(badDate.status()).isEqualTo(422);
		assertThat(badDate.json().get("field").asString()).isEqualTo("documentDate");
		assertThat(http.patchJson("/api/v1/documents/" + id, "{\"documentDate\":\"2026-02-30\"}", firm.adminToken())
			.status()).isEqualTo(422);
		assertThat(http.patchJson("/api/v1/documents/" + id, "{\"name\":\"\\u202e\"}", firm.adminToken()).status())
			.isEqualTo(422);

		assertThat(http.delete("/api/v1/clients/" + clientId, firm.adminToken()).status()).isEqualTo(409);
		assertThat(http.delete("/api/v1/documents/" + id, firm.adminToken()).status()).isEqualTo(204);
		assertThat(http.get("/api/v1/documents/" + id, firm.adminToken()).status()).isEqualTo(404);
		assertThat(new StoredFiles(this.context).of(firm.id(), clientId)).doesNotContainKey("final.docx");
		await().untilAsserted(() -> assertThat(
				http.get("/api/v1/clients/" + clientId + "/activity", firm.adminToken()).json().get("items").toString())
			.contains("document.visibility_changed", "document.changed", "document.deleted"));
	}

	@Test
	void anotherFirmsDocumentsAreNotFound() {
		Http http = new Http(this.port);
		Firms.TestFirm mine = Firms.create(http, "MineDocs");
		Firms.TestFirm theirs = Firms.create(http, "TheirDocs");
		String theirClient = client(http, theirs, "Private");
		String theirDoc = upload(http, theirs, theirClient, "secret.txt", "secret".getBytes(StandardCharsets.UTF_8));
		String token = mine.adminToken();
		assertThat(http.get("/api/v1/documents/" + theirDoc, token).status()).isEqualTo(404);
		assertThat(http.download("/api/v1/documents/" + theirDoc + "/content", token).statusCode()).isEqualTo(404);
		assertThat(http.patchJson("/api/v1/documents/" + theirDoc, "{\"notes\":\"x\"}", token).status()).isEqualTo(404);
		assertThat(http.delete("/api/v1/documents/" + theirDoc, token).status()).isEqualTo(404);
		assertThat(http
			.postMultipart("/api/v1/clients/" + theirClient + "/documents", token,
					List.of(FilePart.file("x.txt", new byte[] { 1 })), Map.of())
			.status()).isEqualTo(404);
		assertThat(http.get("/api/v1/documents/" + theirDoc, theirs.adminToken()).status()).isEqualTo(200);
	}

	static String client(Http http, Firms.TestFirm firm, String name) {
		Http.Response created = http.postJson("/api/v1/clients", Http.json(Map.of("displayName", name)),
				firm.adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** Uploads one file and answers its document id. */
	static String upload(Http http, Firms.TestFirm firm, String clientId, String name, byte[] content) {
		Http.Response response = http.postMultipart("/api/v1/clients/" + clientId + "/documents", firm.adminToken(),
				List.of(FilePart.file(name, content)), Map.of());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("items").get(0).get("id").asString();
	}

	static List<String> names(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return java.util.stream.StreamSupport.stream(response.json().get("items").spliterator(), false)
			.map((item) -> item.get("name").asString())
			.toList();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytesOf(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
