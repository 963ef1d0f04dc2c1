package app.dossier.portal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.Customers.Customer;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.PortalSession;
import app.dossier.support.TestMail;
import app.dossier.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DossierIntegrationTest
class PortalIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aContactSignsInWithAOneTimeLinkThatWorksOnceAndOnlyByPost() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Portal Firm");
		Customer setup = Customers.withPortalAccess(http, firm, "Link Client");
		await().until(() -> !TestMail.to(setup.email()).isEmpty());
		assertThat(TestMail.body(TestMail.to(setup.email()).get(0))).contains("/portal/login");

		String link = PortalSession.requestLink(http, setup.email());
		String token = PortalSession.token(link);
		assertThat(token.length()).isGreaterThanOrEqualTo(43);
		Http.Response page = http.get("/portal/login/ott?token=" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Sign in");
		assertThat(page.raw().headers().allValues("Set-Cookie")).noneMatch((c) -> c.startsWith("DOSSIER_SESSION="));

		Http.Response signedIn = http.postForm("/portal/login/ott", Map.of("token", token), null);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/portal");
		String session = WebSession.sessionCookie(signedIn);
		assertThat(http.getWithCookies("/portal", session).status()).isEqualTo(200);

		Http.Response reused = http.postForm("/portal/login/ott", Map.of("token", token), null);
		assertThat(reused.header("Location")).endsWith("/portal/login?invalid");
		Http.Response tampered = http.postForm("/portal/login/ott", Map.of("token", token + "x"), null);
		assertThat(tampered.header("Location")).endsWith("/portal/login?invalid");
		assertThat(http.postForm("/portal/login/ott", Map.of("token", ""), null).header("Location"))
			.endsWith("/portal/login?invalid");
	}

	@Test
	void unknownAddressesGetTheSamePageAndNoEmail() throws Exception {
		Http http = new Http(this.port);
		String unknown = "nobody-" + System.nanoTime() + "@nowhere.test";
		Http.Response asked = http.postForm("/portal/login", Map.of("email", unknown), null);
		assertThat(asked.status()).isEqualTo(302);
		assertThat(asked.header("Location")).endsWith("/portal/login/sent");
		Http.Response invalid = http.postForm("/portal/login", Map.of("email", "not an address"), null);
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("Enter your email address");
		Thread.sleep(500);
		assertThat(TestMail.to(unknown)).isEmpty();
	}

	@Test
	void aContactSeesOnlyWhatIsSharedAndVisibleAndNothingOfOtherClients() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Visibility");
		Customer setup = Customers.withPortalAccess(http, firm, "Seen Client");
		String token = firm.adminToken();
		String folder = folder(http, token, setup.clientId(), "Tax 2025");
		String direct = upload(http, token, setup.clientId(), "direct.pdf", Map.of());
		String hidden = upload(http, token, setup.clientId(), "hidden.pdf", Map.of("visibleToClient", "false"));
		String inFolder = upload(http, token, setup.clientId(), "in-folder.pdf", Map.of("folderId", folder));
		String notShared = upload(http, token, setup.clientId(), "not-shared.pdf", Map.of());
		share(http, token, "/api/v1/documents/" + direct + "/shares", setup.contactId(), "VIEW");
		share(http, token, "/api/v1/documents/" + hidden + "/shares", setup.contactId(), "VIEW");
		share(http, token, "/api/v1/folders/" + folder + "/shares", setup.contactId(), "VIEW");
		Customer other = Customers.withPortalAccess(http, firm, "Other Client");
		String othersDoc = upload(http, token, other.clientId(), "others.pdf", Map.of());

		String shared = http.get("/api/v1/contacts/" + setup.contactId() + "/shared", token).body();
		assertThat(shared).contains("direct.pdf", "in-folder.pdf", "Tax 2025", "Client Uploads")
			.doesNotContain("hidden.pdf", "not-shared.pdf", "others.pdf");

		String session = PortalSession.signIn(http, setup.email());
		String dashboard = http.getWithCookies("/portal", session).body();
		assertThat(dashboard).contains("direct.pdf", "in-folder.pdf", "/portal/documents/" + direct + "/download")
			.doesNotContain("hidden.pdf", "not-shared.pdf", "others.pdf");
		String files = http.getWithCookies("/portal/files", session).body();
		assertThat(files).contains("direct.pdf", "Tax 2025", "Client Uploads")
			.doesNotContain("hidden.pdf", "not-shared.pdf", "others.pdf");
		assertThat(http.getWithCookies("/portal/files?folder=" + folder, session).body()).contains("in-folder.pdf");
		assertThat(http.getWithCookies("/portal/documents/" + direct + "/download", session).body())
			.isEqualTo("direct.pdf");
		assertThat(http.getWithCookies("/portal/documents/" + inFolder + "/download", session).status()).isEqualTo(200);
		for (String id : List.of(hidden, notShared, othersDoc)) {
			assertThat(http.getWithCookies("/portal/documents/" + id + "/download", session).status()).isEqualTo(404);
		}
		String otherFolder = http.get("/api/v1/clients/" + other.clientId() + "/folders", token)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		assertThat(http.getWithCookies("/portal/files?folder=" + otherFolder, session).status()).isEqualTo(404);
		assertThat(http.getWithCookies("/portal/folders/" + otherFolder + "/zip", session).status()).isEqualTo(404);
		Http.Response zip = http.getWithCookies("/portal/folders/" + folder + "/zip", session);
		assertThat(zip.status()).isEqualTo(200);
		assertThat(zip.contentType()).isEqualTo("application/zip");
	}

	@Test
	void downloadAllLeavesOutADocumentWhoseFileIsGoneAndSendsTheRest() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Partial archives");
		Customer setup = Customers.withPortalAccess(http, firm, "Partial Client");
		String token = firm.adminToken();
		String folder = folder(http, token, setup.clientId(), "Tax");
		Http.Response uploaded = http.postMultipart("/api/v1/clients/" + setup.clientId() + "/documents", token,
				List.of(FilePart.file("kept.txt", "Still here".getBytes(StandardCharsets.UTF_8)),
						FilePart.file("gone.txt", "Deleted from the disk".getBytes(StandardCharsets.UTF_8))),
				Map.of("folderId", folder));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		String gone = uploaded.json().get("items").get(1).get("id").asString();
		// As if someone removed the file from storage directly: the list still offers it.
		this.jdbc.sql("update document set storage_key = ? where id = ?")
			.params("gone/" + gone + ".txt", java.util.UUID.fromString(gone))
			.update();
		share(http, token, "/api/v1/folders/" + folder + "/shares", setup.contactId(), "VIEW");
		String session = PortalSession.signIn(http, setup.email());

		HttpResponse<byte[]> zip = http.download("/portal/folders/" + folder + "/zip", null, "Cookie", session);

		assertThat(zip.statusCode()).isEqualTo(200);
		Map<String, Unzipped> contents = unzip(zip.body());
		assertThat(contents).containsOnlyKeys("kept.txt");
		assertThat(new String(contents.get("kept.txt").content(), StandardCharsets.UTF_8)).isEqualTo("Still here");
		assertThat(http.get("/api/v1/documents/" + gone, token).json().get("missingSince"))
			.as("marked missing, so customers stop being offered it")
			.isNotNull();
	}

	@Test
	void downloadAllStoresWhatDoesNotCompressAndDeflatesText() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Archives");
		Customer setup = Customers.withPortalAccess(http, firm, "Archive Client");
		String token = firm.adminToken();
		String folder = folder(http, token, setup.clientId(), "Scans");
		byte[] noise = new byte[300_000];
		new Random(7).nextBytes(noise);
		noise[0] = 0; // never the first bytes of a program, which uploads refuse
		byte[] text = "Balance carried forward: 1,234.56\n".repeat(5_000).getBytes(StandardCharsets.UTF_8);
		Http.Response uploaded = http.postMultipart("/api/v1/clients/" + setup.clientId() + "/documents", token,
				List.of(FilePart.file("scan.bin", noise), FilePart.file("ledger.txt", text)),
				Map.of("folderId", folder));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		share(http, token, "/api/v1/folders/" + folder + "/shares", setup.contactId(), "VIEW");
		String session = PortalSession.signIn(http, setup.email());

		HttpResponse<byte[]> zip = http.download("/portal/folders/" + folder + "/zip", null, "Cookie", session);

		assertThat(zip.statusCode()).isEqualTo(200);
		Map<String, Unzipped> contents = unzip(zip.body());
		assertThat(contents.get("scan.bin").content()).isEqualTo(noise);
		assertThat(contents.get("ledger.txt").content()).isEqualTo(text);
		// Random bytes cost nothing to archive (stored, or deflate's stored blocks for
		// files
		// kept elsewhere than this server's disk); text is deflated.
		assertThat(zip.body().length).isLessThan(noise.length + text.length / 10 + 2_000);
		assertThat(contents.get("ledger.txt").entry().getMethod()).isEqualTo(ZipEntry.DEFLATED);
		// Recorded together, each as a download of its own.
		List<String> ids = new ArrayList<>();
		uploaded.json().get("items").forEach((item) -> ids.add(item.get("id").asString()));
		org.awaitility.Awaitility.await().untilAsserted(() -> {
			List<String> downloaded = new ArrayList<>();
			http.get("/api/v1/clients/" + setup.clientId() + "/activity", token).json().get("items").forEach((item) -> {
				if (item.get("type").asString().equals("document.downloaded")) {
					downloaded.add(item.get("documentId").asString());
				}
			});
			assertThat(downloaded).containsExactlyInAnyOrderElementsOf(ids);
		});
	}

	@Test
	void downloadAllIsFramedInChunksAsLargeAsTheArchivesOwnWrites() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Chunked archives");
		Customer setup = Customers.withPortalAccess(http, firm, "Chunk Client");
		String token = firm.adminToken();
		String folder = folder(http, token, setup.clientId(), "Scans");
		byte[] noise = new byte[600_000];
		new Random(11).nextBytes(noise);
		noise[0] = 0;
		assertThat(http
			.postMultipart("/api/v1/clients/" + setup.clientId() + "/documents", token,
					List.of(FilePart.file("scan.bin", noise)), Map.of("folderId", folder))
			.status()).isEqualTo(201);
		share(http, token, "/api/v1/folders/" + folder + "/shares", setup.contactId(), "VIEW");
		String session = PortalSession.signIn(http, setup.email());

		// Read off the wire: HTTP clients hide the framing.
		List<Integer> chunks = new ArrayList<>();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.getOutputStream()
				.write(("GET /portal/folders/" + folder + "/zip HTTP/1.1\r\nHost: localhost\r\nCookie: " + session
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			java.io.DataInputStream in = new java.io.DataInputStream(
					new java.io.BufferedInputStream(socket.getInputStream()));
			String line;
			List<String> headers = new ArrayList<>();
			while (!(line = asciiLine(in)).isEmpty()) {
				headers.add(line.toLowerCase(java.util.Locale.ROOT));
			}
			assertThat(headers.get(0)).startsWith("http/1.1 200");
			assertThat(headers).contains("transfer-encoding: chunked");
			for (int size; (size = Integer.parseInt(asciiLine(in), 16)) > 0;) {
				chunks.add(size);
				body.write(in.readNBytes(size));
				assertThat(asciiLine(in)).isEmpty();
			}
		}
		// Tomcat's default would be 8 KiB a chunk.
		assertThat(chunks).allMatch((size) -> size <= 64 * 1024).contains(64 * 1024);
		assertThat(unzip(body.toByteArray()).get("scan.bin").content()).isEqualTo(noise);
	}

	private static String asciiLine(java.io.InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b; (b = in.read()) != '\n';) {
			assertThat(b).as("end of stream within a line").isNotEqualTo(-1);
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Test
	void uploadsNeedTheFirmSettingAndViewAndUploadPermission() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Uploading");
		Customer setup = Customers.withPortalAccess(http, firm, "Upload Client");
		String token = firm.adminToken();
		String uploads = http.get("/api/v1/clients/" + setup.clientId() + "/folders", token)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		String viewOnly = http
			.postJson("/api/v1/clients/" + setup.clientId() + "/folders", "{\"name\":\"Read me\"}", token)
			.json()
			.get("id")
			.asString();
		share(http, token, "/api/v1/folders/" + viewOnly + "/shares", setup.contactId(), "VIEW");
		String session = PortalSession.signIn(http, setup.email());
		List<FilePart> file = List.of(FilePart.file("receipt.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));

		Http.Response disabled = http.postMultipartForm("/portal/upload?folder=" + uploads, session, file, Map.of());
		assertThat(disabled.status()).isEqualTo(403);
		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", token);
		assertThat(http.postMultipartForm("/portal/upload?folder=" + viewOnly, session, file, Map.of()).status())
			.isEqualTo(403);
		assertThat(http.postMultipartForm("/portal/upload", session, file, Map.of("folderId", viewOnly)).status())
			.isEqualTo(403);
		assertThat(http.get("/api/v1/clients/" + setup.clientId() + "/documents", token).json().get("items")).isEmpty();

		Http.Response received = http.postMultipartForm("/portal/upload?folder=" + uploads, session, file, Map.of());
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat(received.body()).contains("We received 1 file", "receipt.pdf");
		var document = http.get("/api/v1/clients/" + setup.clientId() + "/documents", token).json().get("items").get(0);
		assertThat(document.get("source").asString()).isEqualTo("PORTAL");
		assertThat(document.get("uploadedBy").get("kind").asString()).isEqualTo("CONTACT");
		assertThat(document.get("uploadedBy").get("id").asString()).isEqualTo(setup.contactId());
		assertThat(document.get("folderId").asString()).isEqualTo(uploads);
		assertThat(http.getWithCookies("/portal/files?folder=" + uploads, session).body()).contains("receipt.pdf",
				"Uploaded by you");
	}

	@Test
	void thePlainUploadFormWorksWithoutScript() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "NoScript");
		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", firm.adminToken());
		Customer setup = Customers.withPortalAccess(http, firm, "Plain Form");
		String session = PortalSession.signIn(http, setup.email());
		Http.Response page = http.getWithCookies("/portal/files", session);
		java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"(/portal/upload\\?_csrf=[^\"]+)\"")
			.matcher(page.body());
		assertThat(action.find()).as(page.body()).isTrue();
		String xsrf = page.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("XSRF-TOKEN="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		String folder = http.get("/api/v1/clients/" + setup.clientId() + "/folders", firm.adminToken())
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		Http.Multipart body = Http.Multipart.of(
				List.of(FilePart.file("scan.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII))),
				Map.of("folderId", folder));
		Http.Response received = http.send(http.request(action.group(1).replace("&amp;", "&"), null)
			.header("Content-Type", body.contentType())
			.header("Cookie", xsrf + "; " + session)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat(received.body()).contains("We received 1 file", "scan.pdf");
	}

	@Test
	void revokedAccessEndsTheSessionAndStaffAndContactsStayInTheirOwnAreas() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Revoking");
		Customer setup = Customers.withPortalAccess(http, firm, "Revoked Client");
		String session = PortalSession.signIn(http, setup.email());
		assertThat(http.getWithCookies("/portal", session).status()).isEqualTo(200);
		assertThat(http.getWithCookies("/clients", session).header("Location")).endsWith("/login");
		assertThat(http.get("/api/v1/clients", null).status()).isEqualTo(401);

		String staff = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		assertThat(http.getWithCookies("/portal", staff).header("Location")).endsWith("/portal/login");

		http.send(http.request("/api/v1/contacts/" + setup.contactId() + "/portal-access", firm.adminToken()).DELETE());
		Http.Response refused = http.getWithCookies("/portal", session);
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location")).endsWith("/portal/login?ended");
		assertThat(http.getWithCookies("/portal", session).header("Location")).endsWith("/portal/login");
	}

	static String upload(Http http, String token, String clientId, String name, Map<String, String> fields) {
		Http.Response response = http.postMultipart("/api/v1/clients/" + clientId + "/documents", token,
				List.of(FilePart.file(name, name.getBytes(StandardCharsets.UTF_8))), fields);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("items").get(0).get("id").asString();
	}

	/** An archive's entries by name, each with its bytes. */
	private static Map<String, Unzipped> unzip(byte[] archive) throws IOException {
		Map<String, Unzipped> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				entries.put(entry.getName(), new Unzipped(entry, in.readAllBytes()));
			}
		}
		return entries;
	}

	private record Unzipped(ZipEntry entry, byte[] content) {
	}

	private static String folder(Http http, String token, String clientId, String name) {
		return http.postJson("/api/v1/clients/" + clientId + "/folders", Http.json(Map.of("name", name)), token)
			.json()
			.get("id")
			.asString();
	}

	static void share(Http http, String token, String path, String contactId, String permission) {
		Http.Response shared = http.postJson(path, Http.json(Map.of("contactId", contactId, "permission", permission)),
				token);
		assertThat(shared.status()).as(shared.body()).isEqualTo(201);
	}

}
