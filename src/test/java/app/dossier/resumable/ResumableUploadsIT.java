package app.dossier.resumable;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.PortalSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tus 1.0 protocol at every door, with real bytes: pieces, offsets, checksums,
 * creation with a first piece, termination, limits before the first byte, the content
 * check at the end, and the document the last piece makes.
 */
@DossierIntegrationTest
class ResumableUploadsIT {

	static final byte[] HTML = "<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Test
	void staffUploadInPiecesWithChecksumsAndTheLastPieceMakesTheDocument() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Resuming");
		String token = firm.adminToken();
		String client = Customers.client(http, token, "Resume Client");
		byte[] content = pdf(300_000, 1);

		Http.Response created = tus(
				http, "POST", "/api/v1/uploads", token, Map.of("Upload-Length", String.valueOf(content.length),
						"Upload-Metadata", metadata(Map.of("filename", "Annual report.pdf", "clientId", client))),
				null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = path(created.header("Location"));
		assertThat(location).startsWith("/api/v1/uploads/");

		byte[] first = Arrays.copyOfRange(content, 0, 100_000);
		Http.Response piece = patch(http, location, token, 0, first, checksum(first));
		assertThat(piece.status()).as(piece.body()).isEqualTo(204);
		assertThat(piece.header("Upload-Offset")).isEqualTo("100000");
		assertThat(piece.header(ResumableUploads.DOCUMENT_HEADER)).isNull();

		Http.Response wrongOffset = patch(http, location, token, 5, first, null);
		assertThat(wrongOffset.status()).isEqualTo(409);

		byte[] second = Arrays.copyOfRange(content, 100_000, 200_000);
		Http.Response corrupted = patch(http, location, token, 100_000, second, checksum(first));
		assertThat(corrupted.status()).isEqualTo(460);
		assertThat(head(http, location, token).header("Upload-Offset")).as("offset unchanged").isEqualTo("100000");

		assertThat(patch(http, location, token, 100_000, second, checksum(second)).status()).isEqualTo(204);
		Http.Response last = patch(http, location, token, 200_000, Arrays.copyOfRange(content, 200_000, 300_000), null);
		assertThat(last.status()).as(last.body()).isEqualTo(204);
		String documentId = last.header(ResumableUploads.DOCUMENT_HEADER);
		assertThat(documentId).isNotNull();
		Http.Response asked = head(http, location, token);
		assertThat(asked.status()).isEqualTo(200);
		assertThat(asked.header(ResumableUploads.DOCUMENT_HEADER)).isEqualTo(documentId);
		assertThat(asked.header("Upload-Offset")).isEqualTo("300000");

		JsonNode document = http.get("/api/v1/documents/" + documentId, token).json();
		assertThat(document.get("name").asString()).isEqualTo("Annual report.pdf");
		assertThat(document.get("sha256").asString()).isEqualTo(sha256(content));
		assertThat(document.get("size").asLong()).isEqualTo(300_000);
		assertThat(document.get("source").asString()).isEqualTo("STAFF");
		assertThat(http.download("/api/v1/documents/" + documentId + "/content", token).body()).isEqualTo(content);

		Http.Response options = tus(http, "OPTIONS", "/api/v1/uploads", token, Map.of(), null);
		assertThat(options.header("Tus-Extension")).as(options.raw().headers().map() + " " + options.status())
			.contains("creation", "creation-with-upload", "termination", "checksum", "expiration");
	}

	@Test
	void creationWithUploadTerminationAndLimitsBeforeTheFirstByte() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Limits");
		String token = firm.adminToken();
		String client = Customers.client(http, token, "Limit Client");
		byte[] content = pdf(50_000, 2);

		Http.Response whole = tus(http, "POST", "/api/v1/uploads", token,
				Map.of("Upload-Length", String.valueOf(content.length), "Upload-Metadata",
						metadata(Map.of("filename", "whole.pdf", "clientId", client)), "Content-Type",
						"application/offset+octet-stream"),
				content);
		assertThat(whole.status()).as(whole.body()).isEqualTo(201);
		assertThat(whole.header("Upload-Offset")).isEqualTo("50000");
		String id = whole.header(ResumableUploads.DOCUMENT_HEADER);
		assertThat(http.get("/api/v1/documents/" + id, token).json().get("sha256").asString())
			.isEqualTo(sha256(content));

		http.patchJson("/api/v1/settings", "{\"maxFileSize\":1000}", token);
		Http.Response tooLarge = tus(http, "POST", "/api/v1/uploads", token, Map.of("Upload-Length", "1001",
				"Upload-Metadata", metadata(Map.of("filename", "big.pdf", "clientId", client))), null);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.contentType()).startsWith("application/problem+json");
		assertThat(tus(http, "POST", "/api/v1/uploads", token,
				Map.of("Upload-Length", "10", "Upload-Metadata", metadata(Map.of("filename", "x.pdf"))), null)
			.status()).as("no client").isEqualTo(422);
		assertThat(tus(http, "POST", "/api/v1/uploads", token,
				Map.of("Upload-Length", "10", "Upload-Metadata",
						metadata(Map.of("filename", "x.pdf", "clientId", UUID.randomUUID().toString()))),
				null)
			.status()).as("unknown or another firm's client").isEqualTo(404);
		assertThat(tus(http, "POST", "/api/v1/uploads", token,
				Map.of("Upload-Metadata", metadata(Map.of("filename", "x.pdf", "clientId", client))), null)
			.status()).as("no length").isEqualTo(422);

		Http.Response started = tus(http, "POST", "/api/v1/uploads", token, Map.of("Upload-Length", "500",
				"Upload-Metadata", metadata(Map.of("filename", "gone.pdf", "clientId", client))), null);
		String location = path(started.header("Location"));
		assertThat(patch(http, location, token, 0, new byte[600], null).status())
			.as("more bytes than declared are refused")
			.isIn(400, 409, 413);
		Firms.TestFirm other = Firms.create(http, "Other");
		assertThat(head(http, location, other.adminToken()).status()).as("another staff member's upload")
			.isEqualTo(404);
		assertThat(tus(http, "DELETE", location, token, Map.of(), null).status()).isEqualTo(204);
		assertThat(head(http, location, token).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/clients/" + client + "/documents", token).json().get("items")).hasSize(1);
	}

	@Test
	void contentIsJudgedWhenTheLastPieceArrivesAndARefusedUploadLeavesNothing() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Judging");
		String token = firm.adminToken();
		String client = Customers.client(http, token, "Judged Client");
		Http.Response created = tus(http, "POST", "/api/v1/uploads", token,
				Map.of("Upload-Length", String.valueOf(HTML.length), "Upload-Metadata",
						metadata(Map.of("filename", "invoice.pdf", "clientId", client))),
				null);
		String location = path(created.header("Location"));
		Http.Response last = patch(http, location, token, 0, HTML, null);
		assertThat(last.status()).isEqualTo(415);
		assertThat(last.body()).contains("text/html");
		assertThat(head(http, location, token).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/clients/" + client + "/documents", token).json().get("items")).isEmpty();
	}

	@Test
	void contactsAndLinkRecipientsUploadWithTheirOwnRules() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Doors");
		String token = firm.adminToken();
		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", token);
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Door Client");
		String uploads = http.get("/api/v1/clients/" + customer.clientId() + "/folders", token)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		String session = PortalSession.signIn(http, customer.email());
		byte[] content = pdf(20_000, 3);
		String csrf = UUID.randomUUID().toString();
		String cookies = "XSRF-TOKEN=" + csrf + "; " + session;
		Http.Response portal = http.send(http.request("/portal/uploads", null)
			.header("Tus-Resumable", "1.0.0")
			.header("Cookie", cookies)
			.header("X-XSRF-TOKEN", csrf)
			.header("Upload-Length", String.valueOf(content.length))
			.header("Upload-Metadata", metadata(Map.of("filename", "scan.pdf", "folderId", uploads)))
			.header("Content-Type", "application/offset+octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(portal.status()).as(portal.body()).isEqualTo(201);
		JsonNode uploaded = http.get("/api/v1/documents/" + portal.header(ResumableUploads.DOCUMENT_HEADER), token)
			.json();
		assertThat(uploaded.get("source").asString()).isEqualTo("PORTAL");
		assertThat(uploaded.get("folderId").asString()).isEqualTo(uploads);
		Http.Response noCsrf = http.send(http.request("/portal/uploads", null)
			.header("Tus-Resumable", "1.0.0")
			.header("Cookie", session)
			.header("Upload-Length", "10")
			.header("Upload-Metadata", metadata(Map.of("filename", "x.pdf", "folderId", uploads)))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(noCsrf.status()).isEqualTo(403);

		JsonNode link = http
			.postJson("/api/v1/clients/" + customer.clientId() + "/links",
					"{\"kind\":\"UPLOAD\",\"enabled\":true,\"maxFileSize\":30000}", token)
			.json();
		String linkToken = link.get("url").asString().substring(link.get("url").asString().lastIndexOf('/') + 1);
		Http.Response unlocked = http.send(http.request("/l/" + linkToken + "/unlock", null)
			.header("Content-Type", "application/json")
			.header("Cookie", "XSRF-TOKEN=" + csrf)
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + link.get("securityCode").asString() + "\"}")));
		assertThat(unlocked.status()).isEqualTo(200);
		String visit = unlocked.header("Set-Cookie").split(";")[0];
		String linkCookies = "XSRF-TOKEN=" + csrf + "; " + visit;
		Http.Response over = http.send(http.request("/l/" + linkToken + "/uploads", null)
			.header("Tus-Resumable", "1.0.0")
			.header("Cookie", linkCookies)
			.header("X-XSRF-TOKEN", csrf)
			.header("Upload-Length", "30001")
			.header("Upload-Metadata", metadata(Map.of("filename", "big.pdf")))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(over.status()).isEqualTo(413);
		Http.Response started = http.send(http.request("/l/" + linkToken + "/uploads", null)
			.header("Tus-Resumable", "1.0.0")
			.header("Cookie", linkCookies)
			.header("X-XSRF-TOKEN", csrf)
			.header("Upload-Length", String.valueOf(content.length))
			.header("Upload-Metadata", metadata(Map.of("filename", "statement.pdf")))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String location = path(started.header("Location"));
		assertThat(linkPatch(http, location, linkCookies, csrf, 0, Arrays.copyOfRange(content, 0, 10_000)).status())
			.isEqualTo(204);
		http.patchJson("/api/v1/links/" + link.get("id").asString(), "{\"enabled\":false}", token);
		assertThat(linkPatch(http, location, linkCookies, csrf, 10_000, Arrays.copyOfRange(content, 10_000, 20_000))
			.status()).as("a link switched off stops the upload at its next request").isEqualTo(410);
		http.patchJson("/api/v1/links/" + link.get("id").asString(), "{\"enabled\":true}", token);
		Http.Response last = linkPatch(http, location, linkCookies, csrf, 10_000,
				Arrays.copyOfRange(content, 10_000, 20_000));
		assertThat(last.status()).as(last.body()).isEqualTo(204);
		JsonNode received = http.get("/api/v1/documents/" + last.header(ResumableUploads.DOCUMENT_HEADER), token)
			.json();
		assertThat(received.get("source").asString()).isEqualTo("LINK");
		assertThat(received.get("sha256").asString()).isEqualTo(sha256(content));
		assertThat(http.get("/api/v1/links/" + link.get("id").asString(), token).json().get("uploads")).hasSize(1);
	}

	private static Http.Response linkPatch(Http http, String location, String cookies, String csrf, long offset,
			byte[] bytes) {
		return http.send(http.request(location, null)
			.header("Tus-Resumable", "1.0.0")
			.header("Cookie", cookies)
			.header("X-XSRF-TOKEN", csrf)
			.header("Upload-Offset", String.valueOf(offset))
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

	private static Http.Response tus(Http http, String method, String path, String token, Map<String, String> headers,
			byte[] body) {
		HttpRequest.Builder request = http.request(path, token).header("Tus-Resumable", "1.0.0");
		headers.forEach(request::header);
		return http.send(request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody()));
	}

	private static Http.Response patch(Http http, String location, String token, long offset, byte[] bytes,
			String checksum) {
		HttpRequest.Builder request = http.request(location, token)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", String.valueOf(offset))
			.header("Content-Type", "application/offset+octet-stream");
		if (checksum != null) {
			request.header("Upload-Checksum", "sha256 " + checksum);
		}
		return http.send(request.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

	private static Http.Response head(Http http, String location, String token) {
		return http.send(http.request(location, token)
			.header("Tus-Resumable", "1.0.0")
			.method("HEAD", HttpRequest.BodyPublishers.noBody()));
	}

	/** Bytes that start like a PDF, then seeded random ones. */
	static byte[] pdf(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}

	static String metadata(Map<String, String> values) {
		return String.join(",",
				values.entrySet()
					.stream()
					.map((e) -> e.getKey() + " "
							+ Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
					.toList());
	}

	private static String checksum(byte[] bytes) throws Exception {
		return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static String path(String location) {
		return java.net.URI.create(location).getPath();
	}

}
