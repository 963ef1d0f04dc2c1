package app.dossier.links;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.MovableClock;
import app.dossier.support.TestMail;
import app.dossier.support.TestSms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Secure links end to end: staff make and send them through the API, recipients open them
 * with the security code and upload or download. A context of its own, as the tests move
 * its clock.
 */
@DossierIntegrationTest
@TestPropertySource(properties = "dossier.test.context=secure-links")
@ExtendWith(OutputCaptureExtension.class)
class SecureLinksIT {

	private static final String USER_AGENT = "SecureLinksIT/1.0 (recipient)";

	private static final String CODE_PATTERN = "[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}";

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Test
	void staffMakeListChangeRenewAndDeleteLinksWithinTheirFirmsLimits() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Linking");
		String token = firm.adminToken();
		String clientId = client(http, token, "Linked Client");

		JsonNode upload = createLink(http, token, clientId, Map.of("kind", "UPLOAD"));
		assertThat(upload.get("kind").asString()).isEqualTo("UPLOAD");
		assertThat(upload.get("enabled").asBoolean()).isFalse();
		assertThat(upload.get("works").asBoolean()).isFalse();
		assertThat(upload.get("status").asString()).isEqualTo("DISABLED");
		assertThat(upload.get("securityCode").asString()).matches(CODE_PATTERN);
		assertThat(upload.get("url").asString()).startsWith(http.base() + "/l/");
		assertThat(linkToken(upload)).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(Duration.between(instant(upload, "createdAt"), instant(upload, "expiresAt")))
			.isEqualTo(Duration.ofHours(24));
		assertThat(upload.get("maxFiles").asInt()).isEqualTo(25);
		assertThat(upload.get("maxFileSize").asLong()).isEqualTo(100L * 1024 * 1024);
		assertThat(strings(upload.get("allowedTypes"))).containsExactly("pdf", "office", "image", "text", "csv",
				"video");
		assertThat(upload.get("uploads")).isEmpty();
		assertThat(upload.get("downloads")).isEmpty();
		assertThat(http.get("/l/" + linkToken(upload)).status()).as("a new link starts switched off").isEqualTo(410);

		JsonNode download = createLink(http, token, clientId, Map.of("kind", "DOWNLOAD", "enabled", true));
		assertThat(download.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(download.get("works").asBoolean()).isTrue();
		assertThat(Duration.between(instant(download, "createdAt"), instant(download, "expiresAt")))
			.isEqualTo(Duration.ofDays(14));
		assertThat(linkToken(download)).isNotEqualTo(linkToken(upload));

		Instant now = this.clock.instant();
		Http.Response tooLong = http.postJson("/api/v1/clients/" + clientId + "/links",
				Http.json(Map.of("kind", "DOWNLOAD", "expiresAt", now.plus(Duration.ofDays(91)).toString())), token);
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.json().get("field").asString()).isEqualTo("expiresAt");
		assertThat(tooLong.json().get("detail").asString()).contains("90 days");
		Http.Response past = http.postJson("/api/v1/clients/" + clientId + "/links",
				Http.json(Map.of("kind", "DOWNLOAD", "expiresAt", now.minus(Duration.ofHours(1)).toString())), token);
		assertThat(past.status()).isEqualTo(422);
		Instant longest = now.plus(Duration.ofDays(89));
		JsonNode longLived = createLink(http, token, clientId,
				Map.of("kind", "DOWNLOAD", "expiresAt", longest.toString()));
		assertThat(instant(longLived, "expiresAt")).isEqualTo(longest);
		assertThat(http.postJson("/api/v1/clients/" + clientId + "/links", "{}", token).status()).isEqualTo(422);
		assertThat(http
			.postJson("/api/v1/clients/" + clientId + "/links",
					Http.json(Map.of("kind", "UPLOAD", "allowedTypes", List.of("pdf", "exe"))), token)
			.status()).isEqualTo(422);

		assertThat(http.patchJson("/api/v1/settings", "{\"maxLinkDays\":7}", token).status()).isEqualTo(200);
		JsonNode shortened = createLink(http, token, clientId, Map.of("kind", "DOWNLOAD"));
		assertThat(Duration.between(instant(shortened, "createdAt"), instant(shortened, "expiresAt")))
			.isEqualTo(Duration.ofDays(7));
		Http.Response overSetting = http.postJson("/api/v1/clients/" + clientId + "/links", Http
			.json(Map.of("kind", "DOWNLOAD", "expiresAt", this.clock.instant().plus(Duration.ofDays(8)).toString())),
				token);
		assertThat(overSetting.status()).isEqualTo(422);
		assertThat(overSetting.json().get("detail").asString()).contains("7 days");

		JsonNode listed = http.get("/api/v1/clients/" + clientId + "/links", token).json().get("items");
		assertThat(ids(listed)).containsExactly(shortened.get("id").asString(), longLived.get("id").asString(),
				download.get("id").asString(), upload.get("id").asString());
		listed.forEach((item) -> assertThat(item.hasNonNull("securityCode")).as("code in a list").isFalse());

		String uploadPath = "/api/v1/links/" + upload.get("id").asString();
		Http.Response changed = http.patchJson(uploadPath, Http.json(Map.of("enabled", true, "message",
				"Please send your P60", "maxFiles", 3, "allowedTypes", List.of("image", "pdf"))), token);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("enabled").asBoolean()).isTrue();
		assertThat(changed.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(changed.json().get("message").asString()).isEqualTo("Please send your P60");
		assertThat(changed.json().get("maxFiles").asInt()).isEqualTo(3);
		assertThat(strings(changed.json().get("allowedTypes"))).containsExactly("pdf", "image");
		assertThat(changed.json().get("securityCode").asString()).isEqualTo(upload.get("securityCode").asString());
		assertThat(http.patchJson(uploadPath, "{\"kind\":\"DOWNLOAD\"}", token).status()).isEqualTo(422);
		assertThat(http
			.patchJson(uploadPath,
					Http.json(Map.of("expiresAt", this.clock.instant().plus(Duration.ofDays(8)).toString())), token)
			.status()).isEqualTo(422);
		assertThat(http.get(uploadPath, token).json().get("message").asString()).isEqualTo("Please send your P60");

		String downloadToken = linkToken(download);
		String oldCode = download.get("securityCode").asString();
		String visit = open(http, downloadToken, oldCode);
		assertThat(http.getWithCookies("/l/" + downloadToken + "/files", visit).status()).isEqualTo(200);
		Http.Response renewed = http.postJson("/api/v1/links/" + download.get("id").asString() + "/code", "", token);
		assertThat(renewed.status()).isEqualTo(200);
		String newCode = renewed.json().get("securityCode").asString();
		assertThat(newCode).matches(CODE_PATTERN).isNotEqualTo(oldCode);
		assertThat(renewed.json().get("url").asString()).isEqualTo(download.get("url").asString());
		assertThat(http.getWithCookies("/l/" + downloadToken + "/files", visit).status()).as("visit with old code")
			.isEqualTo(401);
		Http.Response withOldCode = unlock(http, downloadToken, oldCode);
		assertThat(withOldCode.status()).isEqualTo(401);
		assertThat(withOldCode.json().get("triesLeft").asInt()).isEqualTo(4);
		assertThat(unlock(http, downloadToken, newCode).status()).isEqualTo(200);

		Firms.TestFirm other = Firms.create(http, "Elsewhere");
		String otherToken = other.adminToken();
		assertThat(http.get(uploadPath, otherToken).status()).isEqualTo(404);
		assertThat(http.postJson(uploadPath + "/code", "", otherToken).status()).isEqualTo(404);
		assertThat(http
			.postJson(uploadPath + "/send", Http.json(Map.of("contactIds", List.of(UUID.randomUUID()))), otherToken)
			.status()).isEqualTo(404);
		assertThat(http.patchJson(uploadPath, "{\"enabled\":false}", otherToken).status()).isEqualTo(404);
		assertThat(http.delete(uploadPath, otherToken).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/clients/" + clientId + "/links", otherToken).status()).isEqualTo(404);
		assertThat(
				http.postJson("/api/v1/clients/" + clientId + "/links", "{\"kind\":\"UPLOAD\"}", otherToken).status())
			.isEqualTo(404);
		assertThat(http.get(uploadPath, null).status()).isEqualTo(401);
		assertThat(http.get(uploadPath, token).json().get("enabled").asBoolean()).as("untouched by the other firm")
			.isTrue();

		String uploadToken = linkToken(upload);
		assertThat(http.get("/l/" + uploadToken).status()).isEqualTo(200);
		assertThat(http.delete(uploadPath, token).status()).isEqualTo(204);
		assertThat(http.get(uploadPath, token).status()).isEqualTo(404);
		assertThat(http.get("/l/" + uploadToken).status()).isEqualTo(404);
		assertThat(ids(http.get("/api/v1/clients/" + clientId + "/links", token).json().get("items")))
			.doesNotContain(upload.get("id").asString());
		assertThat(http.get("/l/" + "A".repeat(43)).status()).isEqualTo(404);
		assertThat(http.get("/l/short").status()).isEqualTo(404);
	}

	@Test
	void aRecipientUploadsWithinTheLinksLimitsIntoItsFolderAndRefusedFilesLeaveNothing() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Receiving");
		String token = firm.adminToken();
		String clientId = client(http, token, "Sending Client");
		String folder = folder(http, token, clientId, "Year end", null);
		// Two files per visit keep the limit quick to reach; the default is 25.
		JsonNode link = createLink(http, token, clientId,
				Map.of("kind", "UPLOAD", "enabled", true, "folderId", folder, "maxFiles", 2, "maxFileSize", 1024,
						"allowedTypes", List.of("pdf", "text"), "message", "Your bank statements, please"));
		String linkToken = linkToken(link);
		String code = link.get("securityCode").asString();

		Http.Response page = http.get("/l/" + linkToken);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Send documents to Receiving", "Your bank statements, please",
				"Security code");
		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(uploadThrough(http, linkToken, null, List.of(pdf("early.pdf"))).status()).isEqualTo(401);

		Http.Response unlocked = unlock(http, linkToken, code);
		assertThat(unlocked.status()).isEqualTo(200);
		assertThat(unlocked.json().get("kind").asString()).isEqualTo("UPLOAD");
		assertThat(unlocked.json().get("firmName").asString()).startsWith("Receiving");
		assertThat(unlocked.header("Cache-Control")).contains("no-store");
		String cookie = linkSetCookie(unlocked);
		assertThat(cookie).startsWith("DOSSIER_LINK=")
			.contains("Path=/l/" + linkToken)
			.contains("HttpOnly")
			.contains("SameSite=Lax");
		String visit = cookie.substring(0, cookie.indexOf(';'));
		assertThat(http.getWithCookies("/l/" + linkToken, visit).body()).contains("Up to 2 files",
				"PDF and plain text");

		byte[] big = new byte[1025];
		System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
		Http.Response tooBig = uploadThrough(http, linkToken, visit, List.of(FilePart.file("big.pdf", big)));
		assertThat(tooBig.status()).isEqualTo(413);
		assertThat(documents(http, token, clientId)).isEmpty();

		Http.Response html = uploadThrough(http, linkToken, visit, List.of(FilePart.file("invoice.pdf",
				"<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8))));
		assertThat(html.status()).isEqualTo(415);
		assertThat(html.json().get("detail").asString()).contains("text/html", "invoice.pdf");
		assertThat(documents(http, token, clientId)).isEmpty();

		Http.Response first = uploadThrough(http, linkToken, visit, List.of(pdf("statement-1.pdf")));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("items").get(0).get("name").asString()).isEqualTo("statement-1.pdf");
		Http.Response twoMore = uploadThrough(http, linkToken, visit,
				List.of(pdf("statement-2.pdf"), text("notes.txt")));
		assertThat(twoMore.status()).as("third file of a two-file visit").isEqualTo(422);
		assertThat(names(documents(http, token, clientId))).containsExactly("statement-1.pdf");
		Http.Response second = uploadThrough(http, linkToken, visit, List.of(text("notes.txt")));
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		Http.Response third = uploadThrough(http, linkToken, visit, List.of(pdf("statement-2.pdf")));
		assertThat(third.status()).isEqualTo(422);
		assertThat(third.json().get("detail").asString()).contains("2 files per visit");

		assertThat(http.getWithCookies("/l/" + linkToken + "/files", visit).status()).as("listing").isEqualTo(403);
		String uploadedId = first.json().get("items").get(0).get("id").asString();
		assertThat(http.download("/l/" + linkToken + "/files/" + uploadedId, null, "Cookie", visit).statusCode())
			.as("downloading")
			.isEqualTo(403);

		String nextVisit = open(http, linkToken, code);
		assertThat(uploadThrough(http, linkToken, nextVisit, List.of(pdf("statement-2.pdf"))).status())
			.as("a new visit may send two more")
			.isEqualTo(201);

		Http.Response withoutScript = http.postMultipartForm("/l/" + linkToken + "/upload", nextVisit,
				List.of(text("by-form.txt")), Map.of());
		assertThat(withoutScript.status()).as(withoutScript.body()).isEqualTo(200);
		assertThat(withoutScript.body()).contains("by-form.txt");
		Http.Response received = http.getWithCookies("/l/" + linkToken + "/received", visit);
		assertThat(received.status()).isEqualTo(200);
		assertThat(received.body()).contains("statement-1.pdf", "notes.txt").doesNotContain("by-form.txt");

		JsonNode stored = documents(http, token, clientId);
		assertThat(names(stored)).containsExactlyInAnyOrder("statement-1.pdf", "notes.txt", "statement-2.pdf",
				"by-form.txt");
		stored.forEach((document) -> {
			assertThat(document.get("source").asString()).isEqualTo("LINK");
			assertThat(document.get("folderId").asString()).isEqualTo(folder);
		});
		JsonNode receipts = http.get("/api/v1/links/" + link.get("id").asString(), token).json();
		assertThat(ids(receipts.get("uploads"), "documentId")).containsExactlyInAnyOrderElementsOf(ids(stored));
		assertThat(receipts.get("downloads")).isEmpty();
		receipts.get("uploads").forEach((event) -> {
			assertThat(event.get("ip").asString()).isNotBlank();
			assertThat(event.get("at").asString()).isNotBlank();
		});
		assertThat(ids(receipts.get("uploads"), "userAgent")).filteredOn(USER_AGENT::equals).hasSize(3);

		assertThat(http.patchJson("/api/v1/links/" + link.get("id").asString(), "{\"enabled\":false}", token).status())
			.isEqualTo(200);
		Http.Response afterDisabling = uploadThrough(http, linkToken, nextVisit, List.of(text("late.txt")));
		assertThat(afterDisabling.status()).isEqualTo(410);
		assertThat(names(documents(http, token, clientId))).hasSize(4).doesNotContain("late.txt");
		Http.Response gone = http.getWithCookies("/l/" + linkToken, nextVisit);
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.body()).contains("Receiving", "switched this link off");
		assertThat(gone.header("Cache-Control")).contains("no-store");
		assertThat(gone.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void aRecipientDownloadsOnlyWhatTheLinkOffersOneByOneOrAsAZipAndEveryDownloadIsRecorded() throws IOException {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Giving");
		String token = firm.adminToken();
		String clientId = client(http, token, "Receiving Client");
		String tax = folder(http, token, clientId, "Tax 2025", null);
		String receipts = folder(http, token, clientId, "Receipts", tax);
		String taxReturn = staffUpload(http, token, clientId, "return.pdf", Map.of("folderId", tax));
		String receipt = staffUpload(http, token, clientId, "receipt.pdf", Map.of("folderId", receipts));
		String hidden = staffUpload(http, token, clientId, "draft.pdf",
				Map.of("folderId", tax, "visibleToClient", "false"));
		String elsewhere = staffUpload(http, token, clientId, "engagement.pdf", Map.of());
		String otherClient = client(http, token, "Other Client");
		String othersDocument = staffUpload(http, token, otherClient, "others.pdf", Map.of());

		JsonNode folderLink = createLink(http, token, clientId,
				Map.of("kind", "DOWNLOAD", "enabled", true, "folderId", tax));
		JsonNode chosenLink = createLink(http, token, clientId,
				Map.of("kind", "DOWNLOAD", "enabled", true, "documentIds", List.of(elsewhere)));
		JsonNode uploadLink = createLink(http, token, clientId, Map.of("kind", "UPLOAD", "enabled", true));
		String t1 = linkToken(folderLink);
		String t2 = linkToken(chosenLink);

		assertThat(http.get("/l/" + t1 + "/files").status()).as("list without the code").isEqualTo(401);
		Http.Response withoutCode = http.get("/l/" + t1 + "/files/" + taxReturn);
		assertThat(withoutCode.status()).as("download without the code").isEqualTo(302);
		assertThat(withoutCode.header("Location")).endsWith("/l/" + t1);
		String visit = open(http, t1, folderLink.get("securityCode").asString());

		Http.Response listed = http.getWithCookies("/l/" + t1 + "/files", visit);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.header("Cache-Control")).contains("no-store");
		assertThat(listed.header("Referrer-Policy")).isEqualTo("no-referrer");
		JsonNode items = listed.json().get("items");
		assertThat(names(items)).containsExactlyInAnyOrder("return.pdf", "receipt.pdf");
		items.forEach((item) -> {
			assertThat(item.get("url").asString()).isEqualTo("/l/" + t1 + "/files/" + item.get("id").asString());
			assertThat(item.get("size").asLong()).isPositive();
		});
		assertThat(http.getWithCookies("/l/" + t1, visit).body()).contains("return.pdf", "receipt.pdf")
			.doesNotContain("draft.pdf", "engagement.pdf");

		HttpResponse<byte[]> single = http.download("/l/" + t1 + "/files/" + taxReturn, null, "Cookie", visit,
				"User-Agent", USER_AGENT);
		assertThat(single.statusCode()).isEqualTo(200);
		assertThat(new String(single.body(), StandardCharsets.UTF_8)).isEqualTo(pdfText("return.pdf"));
		assertThat(single.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(single.headers().firstValue("Content-Disposition").orElseThrow()).contains("return.pdf");
		for (String notOffered : List.of(hidden, elsewhere, othersDocument, UUID.randomUUID().toString())) {
			assertThat(http.download("/l/" + t1 + "/files/" + notOffered, null, "Cookie", visit).statusCode())
				.as(notOffered)
				.isEqualTo(404);
		}
		assertThat(http.getWithCookies("/l/" + t2 + "/files", visit).status()).as("this visit on another link")
			.isEqualTo(401);

		HttpResponse<byte[]> zip = http.download("/l/" + t1 + "/archive.zip", null, "Cookie", visit, "User-Agent",
				USER_AGENT);
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(zip.headers().firstValue("Cache-Control")).hasValue("no-store");
		Map<String, String> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(entries).containsOnly(Map.entry("return.pdf", pdfText("return.pdf")),
				Map.entry("Receipts/receipt.pdf", pdfText("receipt.pdf")));

		String chosenVisit = open(http, t2, chosenLink.get("securityCode").asString());
		assertThat(names(http.getWithCookies("/l/" + t2 + "/files", chosenVisit).json().get("items")))
			.containsExactly("engagement.pdf");
		assertThat(http.download("/l/" + t2 + "/files/" + taxReturn, null, "Cookie", chosenVisit).statusCode())
			.as("offered by another link only")
			.isEqualTo(404);

		Http.Response posted = uploadThrough(http, t1, visit, List.of(pdf("sneaky.pdf")));
		assertThat(posted.status()).as("a download link takes no files").isEqualTo(403);
		assertThat(names(documents(http, token, clientId))).doesNotContain("sneaky.pdf");
		String uploadVisit = open(http, linkToken(uploadLink), uploadLink.get("securityCode").asString());
		assertThat(http.getWithCookies("/l/" + linkToken(uploadLink) + "/files", uploadVisit).status()).isEqualTo(403);
		assertThat(http.download("/l/" + linkToken(uploadLink) + "/files/" + taxReturn, null, "Cookie", uploadVisit)
			.statusCode()).isEqualTo(403);

		await().untilAsserted(() -> {
			JsonNode downloads = http.get("/api/v1/links/" + folderLink.get("id").asString(), token)
				.json()
				.get("downloads");
			List<String> documents = new ArrayList<>();
			downloads.forEach((event) -> {
				documents.add(event.get("documentId").asString());
				assertThat(event.get("at").asString()).isNotBlank();
				assertThat(event.get("ip").asString()).isNotBlank();
				assertThat(event.get("userAgent").asString()).isEqualTo(USER_AGENT);
			});
			assertThat(documents).containsExactlyInAnyOrder(taxReturn, taxReturn, receipt);
		});
		assertThat(http.get("/api/v1/links/" + chosenLink.get("id").asString(), token).json().get("downloads"))
			.isEmpty();
	}

	@Test
	void fiveWrongCodesFromOneAddressLockItOutEvenForTheRightCodeUntilAQuarterOfAnHourPasses() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Guarded");
		String token = firm.adminToken();
		String clientId = client(http, token, "Guarded Client");
		JsonNode link = createLink(http, token, clientId, Map.of("kind", "DOWNLOAD", "enabled", true));
		JsonNode neighbour = createLink(http, token, clientId, Map.of("kind", "DOWNLOAD", "enabled", true));
		String linkToken = linkToken(link);
		String code = link.get("securityCode").asString();

		Http.Response empty = unlock(http, linkToken, "");
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.json().get("field").asString()).isEqualTo("code");
		assertThat(unlockJson(http, linkToken, "{}").status()).isEqualTo(422);
		Http.Response huge = unlock(http, linkToken, "A".repeat(10 * 1024));
		assertThat(huge.status()).as("a 10 kB code is just wrong").isEqualTo(401);
		assertThat(huge.json().get("triesLeft").asInt()).isEqualTo(4);
		for (int triesLeft = 3; triesLeft >= 1; triesLeft--) {
			Http.Response wrong = unlock(http, linkToken, wrong(code));
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.contentType()).startsWith("application/problem+json");
			assertThat(wrong.json().get("triesLeft").asInt()).isEqualTo(triesLeft);
		}
		Http.Response fifth = unlock(http, linkToken, wrong(code));
		assertThat(fifth.status()).isEqualTo(401);
		assertThat(fifth.json().get("triesLeft").asInt()).isZero();
		assertThat(fifth.json().get("detail").asString()).contains("locked out");

		Http.Response sixth = unlock(http, linkToken, code);
		assertThat(sixth.status()).as("the right code while locked out").isEqualTo(429);
		assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 900L);
		assertThat(linkSetCookies(sixth)).isEmpty();
		assertThat(http.postForm("/l/" + linkToken + "/unlock", Map.of("code", code), null).status()).isEqualTo(429);
		assertThat(http.get("/l/" + linkToken).status()).isEqualTo(429);
		assertThat(unlock(http, linkToken(neighbour), neighbour.get("securityCode").asString()).status())
			.as("another link from the same address")
			.isEqualTo(200);
		assertThat(http.get("/api/v1/links/" + link.get("id").asString(), token).json().get("enabled").asBoolean())
			.isTrue();

		this.clock.advance(Duration.ofMinutes(16));
		String typedLoosely = " " + code.replace("-", "").toLowerCase() + " ";
		Http.Response later = http.postForm("/l/" + linkToken + "/unlock", Map.of("code", typedLoosely), null);
		assertThat(later.status()).isEqualTo(302);
		assertThat(later.header("Location")).endsWith("/l/" + linkToken);
		String visit = linkSetCookie(later);
		assertThat(http.getWithCookies("/l/" + linkToken + "/files", visit.substring(0, visit.indexOf(';'))).status())
			.isEqualTo(200);
		Http.Response wrongByForm = http.postForm("/l/" + linkToken + "/unlock", Map.of("code", wrong(code)), null);
		assertThat(wrongByForm.status()).isEqualTo(401);
		assertThat(wrongByForm.body()).contains("That security code is not right", "4 tries left");
	}

	@Test
	void fiftyWrongCodesInADaySwitchTheLinkOffAndTellTheStaffMemberWhoMadeIt() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Attacked");
		String token = firm.adminToken();
		String clientId = client(http, token, "Attacked Client");
		JsonNode link = createLink(http, token, clientId, Map.of("kind", "DOWNLOAD", "enabled", true));
		String linkPath = "/api/v1/links/" + link.get("id").asString();
		String linkToken = linkToken(link);
		String code = link.get("securityCode").asString();
		String visit = open(http, linkToken, code);

		// Five wrong codes lock one address out for a quarter of an hour; after each
		// lock-out the clock moves on, so all fifty come from the same address.
		for (int round = 1; round <= 10; round++) {
			for (int attempt = 1; attempt <= 5; attempt++) {
				assertThat(unlock(http, linkToken, wrong(code)).status()).as("round %d, attempt %d", round, attempt)
					.isEqualTo(401);
			}
			if (round < 10) {
				assertThat(http.get(linkPath, token).json().get("enabled").asBoolean()).isTrue();
			}
			this.clock.advance(Duration.ofMinutes(16));
		}

		JsonNode shut = http.get(linkPath, token).json();
		assertThat(shut.get("enabled").asBoolean()).isFalse();
		assertThat(shut.get("works").asBoolean()).isFalse();
		assertThat(shut.get("status").asString()).isEqualTo("DISABLED");
		assertThat(shut.get("disabledReason").asString()).isEqualTo("WRONG_CODES");
		Http.Response gone = http.get("/l/" + linkToken);
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.body()).contains("Attacked", "switched this link off");
		assertThat(unlock(http, linkToken, code).status()).as("even the right code").isEqualTo(410);
		assertThat(http.getWithCookies("/l/" + linkToken + "/files", visit).status()).isEqualTo(410);

		await().until(() -> !alerts(firm.adminEmail()).isEmpty());
		MimeMessage alert = alerts(firm.adminEmail()).get(0);
		assertThat(subject(alert)).contains("switched off");
		assertThat(TestMail.body(alert)).contains("50 wrong security codes");

		JsonNode enabled = http.patchJson(linkPath, "{\"enabled\":true}", token).json();
		assertThat(enabled.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(enabled.hasNonNull("disabledReason")).isFalse();
		assertThat(unlock(http, linkToken, code).status()).isEqualTo(200);
		assertThat(http.getWithCookies("/l/" + linkToken + "/files", visit).status())
			.as("visits open when the link was switched off stay ended")
			.isEqualTo(401);
		assertThat(unlock(http, linkToken, "WRONG-CODE").json().get("triesLeft").asInt())
			.as("switching the link back on starts the count again")
			.isEqualTo(4);
		assertThat(http.get(linkPath, token).json().get("enabled").asBoolean()).isTrue();
		assertThat(alerts(firm.adminEmail())).hasSize(1);
	}

	@Test
	void anExpiredLinkIsGoneWithTheFirmsNameAndCannotBeSent() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Expiring");
		String token = firm.adminToken();
		String clientId = client(http, token, "Expiring Client");
		String contact = contact(http, token, clientId, "Eve", "eve-" + UUID.randomUUID() + "@customer.test", null,
				false);
		Instant expiry = this.clock.instant().plus(Duration.ofHours(2));
		JsonNode link = createLink(http, token, clientId,
				Map.of("kind", "DOWNLOAD", "enabled", true, "expiresAt", expiry.toString()));
		String linkPath = "/api/v1/links/" + link.get("id").asString();
		String linkToken = linkToken(link);
		String code = link.get("securityCode").asString();
		String visit = open(http, linkToken, code);
		assertThat(http.getWithCookies("/l/" + linkToken + "/files", visit).status()).isEqualTo(200);

		this.clock.advance(Duration.ofHours(2).plusMinutes(1));

		Http.Response page = http.get("/l/" + linkToken);
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("This link from Expiring", "expired on", "Ask Expiring");
		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(http.getWithCookies("/l/" + linkToken + "/files", visit).status()).isEqualTo(410);
		assertThat(unlock(http, linkToken, code).status()).isEqualTo(410);
		JsonNode expired = http.get(linkPath, token).json();
		assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(expired.get("works").asBoolean()).isFalse();
		assertThat(expired.get("enabled").asBoolean()).isTrue();
		Http.Response send = http.postJson(linkPath + "/send", Http.json(Map.of("contactIds", List.of(contact))),
				token);
		assertThat(send.status()).isEqualTo(409);

		Http.Response extended = http.patchJson(linkPath,
				Http.json(Map.of("expiresAt", this.clock.instant().plus(Duration.ofDays(1)).toString())), token);
		assertThat(extended.status()).isEqualTo(200);
		assertThat(extended.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(http.getWithCookies("/l/" + linkToken + "/files", visit).status())
			.as("a visit ends with the link's old expiry")
			.isEqualTo(401);
		assertThat(unlock(http, linkToken, code).status()).isEqualTo(200);
	}

	@Test
	void sendingEmailsTheLinkTextsTheCodeToOptedInContactsAndKeepsBothOnTheLog(CapturedOutput output) {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Sending");
		String token = firm.adminToken();
		String clientId = client(http, token, "Send Client");
		String phone = "+44 7700 " + (100000 + (int) (Math.random() * 800000));
		String annEmail = "ann-" + UUID.randomUUID() + "@customer.test";
		String bobEmail = "bob-" + UUID.randomUUID() + "@customer.test";
		String ann = contact(http, token, clientId, "Ann", annEmail, phone, true);
		String bob = contact(http, token, clientId, "Bob", bobEmail, null, false);
		String othersContact = contact(http, token, client(http, token, "Other Client"), "Olga",
				"olga-" + UUID.randomUUID() + "@customer.test", null, false);
		staffUpload(http, token, clientId, "accounts.pdf", Map.of());
		JsonNode link = createLink(http, token, clientId,
				Map.of("kind", "DOWNLOAD", "enabled", true, "message", "Your signed accounts"));
		String linkPath = "/api/v1/links/" + link.get("id").asString();
		String url = link.get("url").asString();
		String code = link.get("securityCode").asString();

		assertThat(http.postJson(linkPath + "/send", "{\"contactIds\":[]}", token).status()).isEqualTo(422);
		assertThat(http.postJson(linkPath + "/send", Http.json(Map.of("contactIds", List.of(othersContact))), token)
			.status()).isEqualTo(422);
		Http.Response sent = http.postJson(linkPath + "/send", Http.json(Map.of("contactIds", List.of(ann, bob))),
				token);
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(ids(sent.json().get("emailed"), "contactId")).containsExactly(ann, bob);
		assertThat(ids(sent.json().get("codeTexted"), "contactId")).containsExactly(ann);
		assertThat(sent.json().get("codeTexted").get(0).get("address").asString()).isEqualTo(phone);
		assertThat(ids(sent.json().get("codeByPhone"), "contactId")).containsExactly(bob);
		assertThat(sent.json().get("codeToTell").asString()).isEqualTo(code);

		for (String email : List.of(annEmail, bobEmail)) {
			MimeMessage mail = TestMail.awaitMessageTo(email);
			assertThat(subject(mail)).contains("Documents from Sending", "accounts.pdf");
			assertThat(TestMail.linkIn(mail, "/l/")).isEqualTo(url);
			assertThat(TestMail.body(mail)).contains("Your signed accounts")
				.doesNotContain(code)
				.doesNotContain(code.replace("-", ""));
		}
		await().until(() -> !TestSms.to(phone).isEmpty());
		assertThat(TestSms.to(phone)).hasSize(1);
		assertThat(TestSms.to(phone).get(0).body()).contains(code).doesNotContain(linkToken(link));

		await().untilAsserted(() -> {
			JsonNode log = http.get("/api/v1/clients/" + clientId + "/messages", token).json().get("items");
			List<String> lines = new ArrayList<>();
			log.forEach((m) -> lines.add(m.get("channel").asString() + " " + m.get("recipient").asString() + " "
					+ m.get("status").asString()));
			assertThat(lines).containsExactlyInAnyOrder("EMAIL " + annEmail + " SENT", "EMAIL " + bobEmail + " SENT",
					"SMS " + phone + " SENT");
		});

		Http.Response textedOnly = http.postJson(linkPath + "/send", Http.json(Map.of("contactIds", List.of(ann))),
				token);
		assertThat(textedOnly.status()).isEqualTo(200);
		assertThat(textedOnly.json().hasNonNull("codeToTell")).as("nobody to tell by phone").isFalse();

		assertThat(http.patchJson(linkPath, "{\"enabled\":false}", token).status()).isEqualTo(200);
		assertThat(http.postJson(linkPath + "/send", Http.json(Map.of("contactIds", List.of(bob))), token).status())
			.isEqualTo(409);

		await().until(() -> TestSms.to(phone).size() == 2);
		await().untilAsserted(() -> assertThat(output.getAll()).contains("Mail sent"));
		assertThat(output.getAll()).doesNotContain(linkToken(link))
			.doesNotContain(code)
			.doesNotContain(code.replace("-", ""));
	}

	@Test
	void staffHearOfThreeFilesUploadedThroughALinkInOneEmail() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Told");
		String token = firm.adminToken();
		String clientId = client(http, token, "Link Client");
		JsonNode link = createLink(http, token, clientId, Map.of("kind", "UPLOAD", "enabled", true));
		String linkToken = linkToken(link);
		String visit = open(http, linkToken, link.get("securityCode").asString());

		Http.Response sent = uploadThrough(http, linkToken, visit,
				List.of(pdf("payslip-1.pdf"), pdf("payslip-2.pdf"), pdf("payslip-3.pdf")));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(names(sent.json().get("items"))).containsExactly("payslip-1.pdf", "payslip-2.pdf", "payslip-3.pdf");

		await().until(() -> !uploadMails(firm.adminEmail()).isEmpty());
		Thread.sleep(2500);
		List<MimeMessage> mails = uploadMails(firm.adminEmail());
		assertThat(mails).hasSize(1);
		assertThat(subject(mails.get(0))).isEqualTo("Link Client uploaded 3 documents");
		assertThat(TestMail.body(mails.get(0))).contains("payslip-1.pdf", "payslip-2.pdf", "payslip-3.pdf");
		assertThat(http.get("/api/v1/notifications", token).json().get("unread").asLong()).isEqualTo(3);
	}

	// Staff side

	private static String client(Http http, String token, String name) {
		Http.Response client = http.postJson("/api/v1/clients", Http.json(Map.of("displayName", name)), token);
		assertThat(client.status()).as(client.body()).isEqualTo(201);
		return client.json().get("id").asString();
	}

	private static String contact(Http http, String token, String clientId, String name, String email, String phone,
			boolean smsOptIn) {
		Map<String, Object> details = new HashMap<>(Map.of("name", name, "email", email, "smsOptIn", smsOptIn));
		if (phone != null) {
			details.put("phone", phone);
		}
		Http.Response contact = http.postJson("/api/v1/clients/" + clientId + "/contacts", Http.json(details), token);
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		return contact.json().get("id").asString();
	}

	private static String folder(Http http, String token, String clientId, String name, String parentId) {
		Map<String, Object> body = new HashMap<>(Map.of("name", name));
		if (parentId != null) {
			body.put("parentId", parentId);
		}
		Http.Response folder = http.postJson("/api/v1/clients/" + clientId + "/folders", Http.json(body), token);
		assertThat(folder.status()).as(folder.body()).isEqualTo(201);
		return folder.json().get("id").asString();
	}

	private static String staffUpload(Http http, String token, String clientId, String name,
			Map<String, String> fields) {
		Http.Response uploaded = http.postMultipart("/api/v1/clients/" + clientId + "/documents", token,
				List.of(pdf(name)), fields);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		return uploaded.json().get("items").get(0).get("id").asString();
	}

	private static JsonNode documents(Http http, String token, String clientId) {
		return http.get("/api/v1/clients/" + clientId + "/documents", token).json().get("items");
	}

	private static JsonNode createLink(Http http, String token, String clientId, Map<String, Object> request) {
		Http.Response created = http.postJson("/api/v1/clients/" + clientId + "/links", Http.json(request), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	/** The secret part of the link's address: its last path segment. */
	private static String linkToken(JsonNode link) {
		String url = link.get("url").asString();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	// Recipient side

	private static Http.Response unlock(Http http, String linkToken, String code) {
		return unlockJson(http, linkToken, Http.json(Map.of("code", code)));
	}

	private static Http.Response unlockJson(Http http, String linkToken, String json) {
		String csrf = UUID.randomUUID().toString();
		return http.send(http.request("/l/" + linkToken + "/unlock", null)
			.header("Content-Type", "application/json")
			.header("Cookie", "XSRF-TOKEN=" + csrf)
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** Enters the right code; answers the visit's cookie for a {@code Cookie} header. */
	private static String open(Http http, String linkToken, String code) {
		Http.Response unlocked = unlock(http, linkToken, code);
		assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
		String cookie = linkSetCookie(unlocked);
		return cookie.substring(0, cookie.indexOf(';'));
	}

	private static List<String> linkSetCookies(Http.Response response) {
		return response.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("DOSSIER_LINK="))
			.toList();
	}

	private static String linkSetCookie(Http.Response response) {
		List<String> cookies = linkSetCookies(response);
		assertThat(cookies).as("link cookie in " + response.raw().headers()).hasSize(1);
		return cookies.get(0);
	}

	/** The uploader's request: multipart, CSRF pair, the visit's cookie, JSON back. */
	private static Http.Response uploadThrough(Http http, String linkToken, String visit, List<FilePart> files) {
		Http.Multipart body = Http.Multipart.of(files, Map.of());
		String csrf = UUID.randomUUID().toString();
		return http.send(http.request("/l/" + linkToken + "/files", null)
			.header("Content-Type", body.contentType())
			.header("Accept", "application/json")
			.header("User-Agent", USER_AGENT)
			.header("Cookie", "XSRF-TOKEN=" + csrf + ((visit != null) ? "; " + visit : ""))
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
	}

	/** Another code of the same shape that is certainly not the right one. */
	private static String wrong(String code) {
		char first = code.charAt(0);
		return ((first == 'A') ? 'B' : 'A') + code.substring(1);
	}

	// Values

	private static FilePart pdf(String name) {
		return FilePart.file(name, pdfText(name).getBytes(StandardCharsets.US_ASCII));
	}

	private static String pdfText(String name) {
		return "%PDF-1.4\n% " + name + "\n";
	}

	private static FilePart text(String name) {
		return FilePart.file(name, ("Plain notes called " + name + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private static Instant instant(JsonNode node, String field) {
		return Instant.parse(node.get(field).asString());
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static List<String> names(JsonNode items) {
		return ids(items, "name");
	}

	private static List<String> ids(JsonNode items) {
		return ids(items, "id");
	}

	private static List<String> ids(JsonNode items, String field) {
		List<String> values = new ArrayList<>();
		items.forEach((item) -> values.add(item.get(field).asString()));
		return values;
	}

	private static List<MimeMessage> uploadMails(String email) {
		return TestMail.to(email).stream().filter((m) -> subject(m).contains("uploaded")).toList();
	}

	private static List<MimeMessage> alerts(String email) {
		return TestMail.to(email).stream().filter((m) -> subject(m).contains("switched off")).toList();
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
