package app.dossier.documents;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

@DossierIntegrationTest
class UploadBadInputIT {

	@LocalServerPort
	int port;

	@Value("${dossier.storage.root}")
	Path storageRoot;

	@Autowired
	ApplicationContext context;

	@Test
	void aFileOverTheLimitIsRefusedWhileStreamingAndNothingIsKept() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Limits");
		assertThat(http.patchJson("/api/v1/settings", "{\"maxFileSize\":1048576}", firm.adminToken()).status())
			.isEqualTo(200);
		String clientId = DocumentsApiIT.client(http, firm, "Big Files");

		Http.Response tooBig = upload(http, firm, clientId,
				List.of(FilePart.file("small.txt", new byte[10]), FilePart.file("big.bin", new byte[1048577])));

		assertThat(tooBig.status()).isEqualTo(413);
		assertThat(tooBig.contentType()).startsWith("application/problem+json");
		assertThat(tooBig.json().get("detail").asString()).contains("1 MB");
		assertNothingStored(http, firm, clientId);
		assertThat(upload(http, firm, clientId, List.of(FilePart.file("exact.bin", new byte[1048576]))).status())
			.isEqualTo(201);
	}

	@Test
	void moreFilesThanAllowedInOneUploadAreRefusedAndNothingIsKept() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Many");
		String clientId = DocumentsApiIT.client(http, firm, "Many Files");
		List<FilePart> files = new ArrayList<>();
		for (int i = 1; i <= 26; i++) {
			files.add(FilePart.file("file-" + i + ".txt", ("file " + i).getBytes(StandardCharsets.UTF_8)));
		}
		Http.Response refused = upload(http, firm, clientId, files);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("detail").asString()).contains("25");
		assertNothingStored(http, firm, clientId);
		assertThat(upload(http, firm, clientId, files.subList(0, 25)).status()).isEqualTo(201);
	}

	@Test
	void uploadsWithoutFilesOrWithoutNamesOrWithBadFieldsAreRefused() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Empty");
		String clientId = DocumentsApiIT.client(http, firm, "Empty Names");
		String path = "/api/v1/clients/" + clientId + "/documents";

		assertThat(upload(http, firm, clientId, List.of(FilePart.file("", new byte[] { 1 }))).status()).isEqualTo(422);
		assertThat(upload(http, firm, clientId, List.of(FilePart.file("\u202e", new byte[] { 1 }))).status())
			.isEqualTo(422);
		assertThat(http.postMultipart(path, firm.adminToken(), List.of(), Map.of("notes", "no file")).status())
			.isEqualTo(422);
		Http.Response badDate = http.postMultipart(path, firm.adminToken(),
				List.of(FilePart.file("a.txt", new byte[] { 1 })), Map.of("documentDate", "yesterday"));
		assertThat(badDate.status()).isEqualTo(422);
		assertThat(badDate.json().get("field").asString()).isEqualTo("documentDate");
		assertThat(http
			.postMultipart(path, firm.adminToken(), List.of(FilePart.file("a.txt", new byte[] { 1 })),
					Map.of("visibleToClient", "maybe"))
			.status()).isEqualTo(422);
		assertThat(http.postJson(path, "{}", firm.adminToken()).status()).isEqualTo(415);
		Http.Response garbage = http.send(http.request(path, firm.adminToken())
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("this is not multipart")));
		assertThat(garbage.status()).isBetween(400, 422);
		// HTTP allows no control characters in a header, and no browser sends one in a
		// file name.
		assertThat(http
			.postMultipart(path, firm.adminToken(), List.of(FilePart.file("a\u0000b.pdf", bytes("n"))), Map.of())
			.status()).isEqualTo(422);
		Map<String, String> manyFields = new java.util.HashMap<>();
		for (int i = 0; i <= 100; i++) {
			manyFields.put("field" + i, "x");
		}
		Http.Response tooManyFields = http.postMultipart(path, firm.adminToken(),
				List.of(FilePart.file("fine.txt", bytes("fine"))), manyFields);
		assertThat(tooManyFields.status()).isEqualTo(422);
		assertThat(tooManyFields.body()).contains("at most 100 form fields");
		assertNothingStored(http, firm, clientId);
	}

	@Test
	void hostileFileNamesAreStoredUnderSafeNamesInsideTheClientsFolder() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Hostile");
		String clientId = DocumentsApiIT.client(http, firm, "Hostile Names");
		String longName = "a".repeat(300) + ".pdf";
		List<FilePart> files = List.of(FilePart.file("../../etc/passwd", bytes("p")),
				FilePart.file("CON.txt", bytes("c")), FilePart.file(longName, bytes("l")),
				FilePart.file("invoice\u202Efdp.exe", bytes("r")),
				// A backslash before a quote escapes it (a quoted string); other
				// backslashes read as path separators, like the full paths some
				// browsers send.
				FilePart.file("quote\\\"d; name=x.txt", bytes("q")), FilePart.file("..\\..\\win.ini", bytes("w")));

		Http.Response uploaded = upload(http, firm, clientId, files);

		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		List<String> names = new ArrayList<>();
		uploaded.json().get("items").forEach((item) -> names.add(item.get("name").asString()));
		assertThat(names).containsExactly("passwd", "CON.txt", "a".repeat(251) + ".pdf", "invoicefdp.exe",
				"quote\"d; name=x.txt", "win.ini");
		StoredFiles stored = new StoredFiles(this.context);
		assertThat(stored.folderOf(firm.id(), clientId)).containsExactly("customers", "Hostile Names");
		assertThat(stored.of(firm.id(), clientId).keySet()).containsExactlyInAnyOrder("passwd", "_CON.txt",
				"a".repeat(196) + ".pdf", "invoicefdp.exe", "quote_d; name=x.txt", "win.ini");
		assertThat(this.storageRoot.resolve("etc")).doesNotExist();
		for (JsonNode item : uploaded.json().get("items")) {
			var download = http.download("/api/v1/documents/" + item.get("id").asString() + "/content",
					firm.adminToken());
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.headers().allValues("Content-Disposition")).hasSize(1);
		}
	}

	private Http.Response upload(Http http, Firms.TestFirm firm, String clientId, List<FilePart> files) {
		return http.postMultipart("/api/v1/clients/" + clientId + "/documents", firm.adminToken(), files, Map.of());
	}

	private void assertNothingStored(Http http, Firms.TestFirm firm, String clientId) throws Exception {
		assertThat(DocumentsApiIT.names(http.get("/api/v1/clients/" + clientId + "/documents", firm.adminToken())))
			.isEmpty();
		assertThat(new StoredFiles(this.context).of(firm.id(), clientId)).isEmpty();
		try (Stream<Path> incoming = Files.list(this.storageRoot.resolve(".incoming"))) {
			assertThat(incoming).isEmpty();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
