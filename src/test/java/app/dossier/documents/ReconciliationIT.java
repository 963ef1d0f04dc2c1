package app.dossier.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import app.dossier.clients.Clients;
import app.dossier.storage.FileStorage;
import app.dossier.storage.StagedFile;
import app.dossier.storage.StorageFolder;
import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.MovableClock;
import app.dossier.support.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files added, changed and deleted directly in a client's storage folder, on whichever
 * platform the suite runs against: they are written there through the platform, not
 * through Dossier's documents.
 */
@DossierIntegrationTest
class ReconciliationIT {

	@LocalServerPort
	int port;

	@Autowired
	FileStorage storage;

	@Autowired
	Clients clients;

	@Autowired
	Documents documents;

	@Autowired
	MovableClock clock;

	@Test
	void filesAddedChangedAndDeletedInStorageReachTheDocumentsAndThePortal() throws IOException {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Reconciling");
		String token = firm.adminToken();
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Dropped Files Ltd");
		String uploaded = upload(http, token, customer.clientId(), "letter.pdf", "%PDF-1.4 first".getBytes());
		StorageFolder folder = this.clients.folderOf(firm.id(), UUID.fromString(customer.clientId()));

		putDirectly(folder, "From the scanner.pdf", "%PDF-1.4 scanned".getBytes());
		putDirectly(folder, ".DS_Store", new byte[] { 0, 1 });
		putDirectly(new StorageFolder(firm.id(), folder.platform(), append(folder.path(), "Private")), "deep.pdf",
				"%PDF-1.4 deep".getBytes());

		Http.Response first = http.postJson("/api/v1/clients/" + customer.clientId() + "/reconcile", "", token);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("added").asInt()).isEqualTo(1);
		assertThat(first.json().get("missing").asInt()).isZero();
		JsonNode found = byName(http, token, customer.clientId(), "From the scanner.pdf");
		assertThat(found.get("source").asString()).isEqualTo("STORAGE");
		assertThat(found.get("visibleToClient").asBoolean()).isTrue();
		assertThat(found.get("size").asLong()).isEqualTo(16);
		assertThat(found.get("sha256").asString()).isEqualTo(sha256("%PDF-1.4 scanned".getBytes()));
		assertThat(found.get("uploadedBy").get("name").asString()).startsWith("Added in storage");
		assertThat(http.get("/api/v1/clients/" + customer.clientId() + "/documents", token).body())
			.doesNotContain("deep.pdf", ".DS_Store");
		assertThat(http.get("/api/v1/contacts/" + customer.contactId() + "/shared", token).body())
			.contains("From the scanner.pdf");
		String portal = PortalSession.signIn(http, customer.email());
		assertThat(http.getWithCookies("/portal/files", portal).body()).contains("From the scanner.pdf");

		Http.Response again = http.postJson("/api/v1/clients/" + customer.clientId() + "/reconcile", "", token);
		assertThat(again.json().get("added").asInt()).isZero();
		assertThat(again.json().get("changed").asInt()).isZero();

		String letterKey = this.documents.get(firm.id(), UUID.fromString(uploaded)).storageKey();
		this.storage.delete(firm.id(), letterKey);
		String rewritten = putDirectly(folder, "letter.pdf", "%PDF-1.4 edited in place".getBytes());
		assertThat(rewritten).isEqualTo(letterKey);
		Http.Response changed = http.postJson("/api/v1/clients/" + customer.clientId() + "/reconcile", "", token);
		assertThat(changed.json().get("changed").asInt()).as(changed.body()).isEqualTo(1);
		JsonNode letter = http.get("/api/v1/documents/" + uploaded, token).json();
		assertThat(letter.get("version").asInt()).isEqualTo(2);
		assertThat(letter.get("sha256").asString()).isEqualTo(sha256("%PDF-1.4 edited in place".getBytes()));
		assertThat(http.download("/api/v1/documents/" + uploaded + "/content", token).body())
			.isEqualTo("%PDF-1.4 edited in place".getBytes());

		String scannedId = found.get("id").asString();
		this.storage.delete(firm.id(), this.documents.get(firm.id(), UUID.fromString(scannedId)).storageKey());
		Http.Response gone = http.postJson("/api/v1/clients/" + customer.clientId() + "/reconcile", "", token);
		assertThat(gone.json().get("missing").asInt()).isEqualTo(1);
		JsonNode missing = http.get("/api/v1/documents/" + scannedId, token).json();
		assertThat(missing.get("missingSince").isNull()).isFalse();
		assertThat(http.get("/api/v1/contacts/" + customer.contactId() + "/shared", token).body())
			.doesNotContain("From the scanner.pdf");
		HttpResponse<byte[]> download = http.download("/api/v1/documents/" + scannedId + "/content", token);
		assertThat(download.statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/documents/" + scannedId + "/versions", token).status()).isEqualTo(200);
		org.awaitility.Awaitility.await()
			.untilAsserted(
					() -> assertThat(http.get("/api/v1/clients/" + customer.clientId() + "/activity", token).body())
						.contains("document.missing"));
	}

	@Test
	void listingTheFilesBringsInWhatWasAddedAtMostOnceAMinute() throws IOException {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "OnDemand");
		String token = firm.adminToken();
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Listed Co");
		assertThat(http.get("/api/v1/clients/" + customer.clientId() + "/documents", token).status()).isEqualTo(200);
		StorageFolder folder = this.clients.folderOf(firm.id(), UUID.fromString(customer.clientId()));

		putDirectly(folder, "dropped.pdf", "%PDF-1.4 dropped".getBytes());
		assertThat(http.get("/api/v1/clients/" + customer.clientId() + "/documents", token).body())
			.doesNotContain("dropped.pdf");

		this.clock.advance(Duration.ofSeconds(61));
		assertThat(http.get("/api/v1/clients/" + customer.clientId() + "/documents", token).body())
			.contains("dropped.pdf");

		putDirectly(folder, "seen by the customer first.pdf", "%PDF-1.4 portal".getBytes());
		this.clock.advance(Duration.ofSeconds(61));
		String portal = PortalSession.signIn(http, customer.email());
		assertThat(http.getWithCookies("/portal/files", portal).body()).contains("seen by the customer first.pdf");
	}

	@Test
	void aFileDeletedInStorageBeforeItsDownloadAnswers404AndLeavesThePortal() throws IOException {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Vanishing");
		String token = firm.adminToken();
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Vanished Ltd");
		String id = upload(http, token, customer.clientId(), "soon-gone.pdf", "%PDF-1.4 gone".getBytes());

		this.storage.delete(firm.id(), this.documents.get(firm.id(), UUID.fromString(id)).storageKey());

		Http.Response download = http.get("/api/v1/documents/" + id + "/content", token);
		assertThat(download.status()).isEqualTo(404);
		assertThat(download.contentType()).startsWith("application/problem+json");
		assertThat(download.json().get("detail").asString()).contains("no longer in the firm's storage");
		assertThat(http.get("/api/v1/documents/" + id, token).json().get("missingSince").isNull()).isFalse();
	}

	@Test
	void aFileDeletedInStorageDuringADownloadNeverGivesWrongBytes() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "MidDownload");
		String token = firm.adminToken();
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Mid Download Ltd");
		byte[] content = new byte[8 * 1024 * 1024];
		new java.util.Random(8).nextBytes(content);
		String id = upload(http, token, customer.clientId(), "large.bin", content);
		String key = this.documents.get(firm.id(), UUID.fromString(id)).storageKey();

		HttpResponse<java.io.InputStream> download = http.client()
			.send(http.request("/api/v1/documents/" + id + "/content", token).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
		byte[] received;
		try (java.io.InputStream in = download.body()) {
			byte[] first = in.readNBytes(64 * 1024);
			this.storage.delete(firm.id(), key);
			byte[] rest;
			try {
				rest = in.readAllBytes();
			}
			catch (IOException cut) {
				rest = new byte[0];
			}
			received = java.nio.ByteBuffer.allocate(first.length + rest.length).put(first).put(rest).array();
		}

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(received.length).isLessThanOrEqualTo(content.length);
		assertThat(received).isEqualTo(java.util.Arrays.copyOf(content, received.length));
		assertThat(http.get("/api/v1/documents/" + id + "/content", token).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/contacts/" + customer.contactId() + "/shared", token).body())
			.doesNotContain("large.bin");
	}

	@Test
	void aNameAddedInStorageAndInDossierAtOnceKeepsBothFiles() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "SameName");
		String token = firm.adminToken();
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Same Name Co");
		assertThat(http.get("/api/v1/clients/" + customer.clientId() + "/documents", token).status()).isEqualTo(200);
		StorageFolder folder = this.clients.folderOf(firm.id(), UUID.fromString(customer.clientId()));
		int rounds = 8;

		try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
			for (int i = 0; i < rounds; i++) {
				byte[] direct = ("%PDF-1.4 direct " + i).getBytes();
				byte[] uploaded = ("%PDF-1.4 uploaded " + i).getBytes();
				all.add(threads.submit(() -> putDirectly(folder, "same.pdf", direct)));
				all.add(threads.submit(() -> upload(http, token, customer.clientId(), "same.pdf", uploaded)));
				all.add(threads
					.submit(() -> http.postJson("/api/v1/clients/" + customer.clientId() + "/reconcile", "", token)));
			}
			for (java.util.concurrent.Future<?> future : all) {
				future.get();
			}
		}
		http.postJson("/api/v1/clients/" + customer.clientId() + "/reconcile", "", token);

		JsonNode items = http.get("/api/v1/clients/" + customer.clientId() + "/documents", token).json().get("items");
		assertThat(items).hasSize(2 * rounds);
		java.util.Set<String> contents = new java.util.HashSet<>();
		for (JsonNode item : items) {
			byte[] body = http.download("/api/v1/documents/" + item.get("id").asString() + "/content", token).body();
			assertThat(sha256(body)).isEqualTo(item.get("sha256").asString());
			contents.add(new String(body));
		}
		assertThat(contents).hasSize(2 * rounds);
	}

	@Test
	void anotherFirmsClientCannotBeReconciled() {
		Http http = new Http(this.port);
		Firms.TestFirm mine = Firms.create(http, "MineRec");
		Firms.TestFirm theirs = Firms.create(http, "TheirsRec");
		Customers.Customer customer = Customers.withPortalAccess(http, theirs, "Not Yours");

		Http.Response refused = http.postJson("/api/v1/clients/" + customer.clientId() + "/reconcile", "",
				mine.adminToken());

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(http.postJson("/api/v1/clients/" + UUID.randomUUID() + "/reconcile", "", mine.adminToken()).status())
			.isEqualTo(404);
	}

	private String putDirectly(StorageFolder folder, String name, byte[] content) throws IOException {
		StagedFile staged = this.storage.stage(new ByteArrayInputStream(content), Long.MAX_VALUE);
		return this.storage.commit(staged, folder, name);
	}

	private static String upload(Http http, String token, String clientId, String name, byte[] content) {
		Http.Response response = http.postMultipart("/api/v1/clients/" + clientId + "/documents", token,
				List.of(FilePart.file(name, content)), Map.of());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("items").get(0).get("id").asString();
	}

	private static JsonNode byName(Http http, String token, String clientId, String name) {
		for (JsonNode item : http.get("/api/v1/clients/" + clientId + "/documents", token).json().get("items")) {
			if (item.get("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("No document named " + name);
	}

	private static List<String> append(List<String> path, String name) {
		return java.util.stream.Stream.concat(path.stream(), java.util.stream.Stream.of(name)).toList();
	}

	private static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
