package app.dossier.storage;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.dropbox.core.http.HttpRequestor;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.DriveStub;
import app.dossier.support.DropboxStub;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.TestMail;
import app.dossier.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A firm connects its own Dropbox and Google Drive and keeps its customers' files there,
 * against local stand-ins of both platforms' APIs and OAuth token endpoints.
 */
@DossierIntegrationTest
class StorageAccountsIT {

	static final DropboxStub dropbox = DropboxStub.start();

	static final DriveStub drive = new DriveStub();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void platforms(DynamicPropertyRegistry registry) {
		registry.add("dossier.storage.dropbox.app-key", () -> "dossier-test-app");
		registry.add("dossier.storage.dropbox.app-secret", () -> "dossier-test-app-secret");
		registry.add("dossier.storage.dropbox.authorization-uri", () -> dropbox.baseUrl() + "/oauth2/authorize");
		registry.add("dossier.storage.dropbox.token-uri", () -> dropbox.baseUrl() + "/oauth2/token");
		registry.add("dossier.storage.dropbox.api-uri", () -> dropbox.apiUri().toString());
		registry.add("dossier.storage.dropbox.content-uri", () -> dropbox.contentUri().toString());
		registry.add("dossier.storage.dropbox.longest-wait", () -> "2s");
		registry.add("dossier.storage.google-drive.client-id", () -> "dossier-test.apps.googleusercontent.com");
		registry.add("dossier.storage.google-drive.client-secret", () -> "dossier-test-client-secret");
		registry.add("dossier.storage.google-drive.authorization-uri", () -> drive.rootUrl() + "o/oauth2/v2/auth");
		registry.add("dossier.storage.google-drive.token-uri", () -> drive.rootUrl() + "token");
		registry.add("dossier.storage.google-drive.api-uri", () -> drive.rootUrl());
	}

	@AfterAll
	static void stopStubs() {
		dropbox.close();
		drive.close();
	}

	@Test
	void aFirmKeepsItsCustomersFilesInItsOwnDropbox() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Boxed");
		String token = firm.adminToken();
		Customers.Customer earlier = Customers.withPortalAccess(http, firm, "Earlier Client");
		byte[] earlierBytes = "%PDF-1.4 kept on the disk first".getBytes();
		String earlierId = upload(http, token, earlier.clientId(), "engagement.pdf", earlierBytes);
		String session = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		assertThat(http.getWithCookies("/settings/storage", session).body()).contains("Connect Dropbox",
				"Connect Google Drive");

		String access = dropbox.issueToken();
		tokenEndpoint(dropbox.server(), "authorization_code", Map.of("access_token", access, "token_type", "bearer",
				"expires_in", 14400, "refresh_token", "dropbox-refresh-1", "account_id", "dbid:AAB", "uid", "12"));
		connect(http, session, "dropbox", dropbox.baseUrl() + "/oauth2/authorize", "token_access_type=offline");
		dropbox.server()
			.verify(postRequestedFor(urlEqualTo("/oauth2/token")).withRequestBody(containing("code=the-code"))
				.withRequestBody(containing("code_verifier=")));
		String sealed = this.jdbc.sql("select access_token from storage_account where firm_id = ?")
			.param(firm.id())
			.query(String.class)
			.single();
		assertThat(sealed).doesNotContain(access);
		assertThat(platformOf(http, token, "dropbox")).isEqualTo("CONNECTED");

		Http.Response chosen = http.putJson("/api/v1/storage/platform", "{\"platform\":\"dropbox\"}", token);
		assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
		assertThat(chosen.json().get("platformForNewFolders").asString()).isEqualTo("dropbox");

		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Box Client");
		byte[] large = new byte[3 * 1024 * 1024 + 17];
		new Random(3).nextBytes(large);
		String invoice = upload(http, token, customer.clientId(), "invoice.pdf", "%PDF-1.4 invoice".getBytes());
		String scan = upload(http, token, customer.clientId(), "scan.bin", large);
		assertThat(dropbox.content("/customers/box client/invoice.pdf").orElseThrow())
			.isEqualTo("%PDF-1.4 invoice".getBytes());
		assertThat(http.download("/api/v1/documents/" + scan + "/content", token).body()).isEqualTo(large);
		String refusedName = upload(http, token, customer.clientId(), "desktop.ini", "[.ShellClassInfo]".getBytes());
		assertThat(http.get("/api/v1/documents/" + refusedName, token).json().get("name").asString())
			.isEqualTo("desktop.ini");
		assertThat(dropbox.content("/customers/box client/_desktop.ini").orElseThrow())
			.isEqualTo("[.ShellClassInfo]".getBytes());
		assertThat(http.download("/api/v1/documents/" + scan + "/content", token, "Range", "bytes=100-199").body())
			.isEqualTo(Arrays.copyOfRange(large, 100, 200));

		dropbox.write("/customers/Box Client/From Dropbox.pdf", "%PDF-1.4 put there by hand".getBytes());
		Http.Response reconciled = http.postJson("/api/v1/clients/" + customer.clientId() + "/reconcile", "", token);
		assertThat(reconciled.json().get("added").asInt()).as(reconciled.body()).isEqualTo(1);
		assertThat(http.get("/api/v1/contacts/" + customer.contactId() + "/shared", token).body())
			.contains("From Dropbox.pdf");

		dropbox.expire(access);
		String renewed = dropbox.issueToken();
		tokenEndpoint(dropbox.server(), "refresh_token",
				Map.of("access_token", renewed, "token_type", "bearer", "expires_in", 14400));
		assertThat(http.download("/api/v1/documents/" + invoice + "/content", token).body())
			.isEqualTo("%PDF-1.4 invoice".getBytes());
		dropbox.server()
			.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
				.withRequestBody(containing("grant_type=refresh_token"))
				.withRequestBody(containing("refresh_token=dropbox-refresh-1")));

		Http.Response move = http.postJson("/api/v1/storage/moves", "", token);
		assertThat(move.status()).as(move.body()).isEqualTo(202);
		// An unfinished move leaves finishedAt out of the answer (nulls are not written).
		await().until(() -> http.get("/api/v1/storage/moves/latest", token).json().hasNonNull("finishedAt"));
		JsonNode finished = http.get("/api/v1/storage/moves/latest", token).json();
		assertThat(finished.get("clientsDone").asInt()).isEqualTo(1);
		assertThat(finished.get("failures").asInt()).isZero();
		assertThat(dropbox.content("/customers/earlier client/engagement.pdf").orElseThrow()).isEqualTo(earlierBytes);
		assertThat(http.download("/api/v1/documents/" + earlierId + "/content", token).body()).isEqualTo(earlierBytes);

		dropbox.revoke(renewed);
		Http.Response refused = http.postMultipart("/api/v1/clients/" + customer.clientId() + "/documents", token,
				List.of(FilePart.file("after.pdf", "%PDF-1.4 too late".getBytes())), Map.of());
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("connect Dropbox again");
		assertThat(http.get("/api/v1/clients/" + customer.clientId() + "/documents", token).body())
			.doesNotContain("after.pdf");
		assertThat(platformOf(http, token, "dropbox")).isEqualTo("REVOKED");
		await().until(() -> TestMail.to(firm.adminEmail())
			.stream()
			.anyMatch((message) -> subject(message).contains("Dropbox stopped working")));
		assertThat(http.getWithCookies("/settings/storage", session).body()).contains("Connection lost");
	}

	@Test
	void aFirmKeepsItsCustomersFilesInItsOwnGoogleDrive() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Driven");
		String token = firm.adminToken();
		String session = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		tokenEndpoint(drive.server(), "authorization_code",
				Map.of("access_token", drive.issueToken(), "token_type", "Bearer", "expires_in", 3599, "refresh_token",
						"drive-refresh-1", "scope", "https://www.googleapis.com/auth/drive"));
		connect(http, session, "google-drive", drive.rootUrl() + "o/oauth2/v2/auth", "access_type=offline");
		assertThat(http.putJson("/api/v1/storage/platform", "{\"platform\":\"google-drive\"}", token).status())
			.isEqualTo(200);

		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Drive Client");
		String letter = upload(http, token, customer.clientId(), "letter.pdf", "%PDF-1.4 letter".getBytes());
		String folder = drive.folder(List.of("customers", "Drive Client")).orElseThrow();
		assertThat(drive.namesIn(folder)).contains("letter.pdf");
		drive.createFile(folder, "Q1/Q2 report.pdf", "%PDF-1.4 quarterly".getBytes());

		Http.Response reconciled = http.postJson("/api/v1/clients/" + customer.clientId() + "/reconcile", "", token);

		assertThat(reconciled.json().get("added").asInt()).as(reconciled.body()).isEqualTo(1);
		JsonNode items = http.get("/api/v1/clients/" + customer.clientId() + "/documents", token).json().get("items");
		JsonNode report = null;
		for (JsonNode item : items) {
			if (item.get("name").asString().startsWith("Q1")) {
				report = item;
			}
		}
		assertThat(report).isNotNull();
		assertThat(report.get("name").asString()).isEqualTo("Q1_Q2 report.pdf");
		assertThat(http.download("/api/v1/documents/" + report.get("id").asString() + "/content", token).body())
			.isEqualTo("%PDF-1.4 quarterly".getBytes());
		assertThat(http.download("/api/v1/documents/" + letter + "/content", token).body())
			.isEqualTo("%PDF-1.4 letter".getBytes());
	}

	@Test
	void connectingRefusesWhatItShould() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Refusing");
		String token = firm.adminToken();
		String session = WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);

		Http.Response started = http.getWithCookies("/settings/storage/connect/dropbox", session);
		assertThat(started.status()).isEqualTo(302);
		Http.Response forged = http.getWithCookies("/settings/storage/connected/dropbox?code=x&state=forged", session);
		assertThat(forged.status()).isEqualTo(302);
		assertThat(platformOf(http, token, "dropbox")).isEqualTo("NOT_CONNECTED");

		Http.Response again = http.getWithCookies("/settings/storage/connect/dropbox", session);
		String state = query(again.header("Location")).get("state");
		http.getWithCookies("/settings/storage/connected/dropbox?error=access_denied&state=" + state, session);
		assertThat(platformOf(http, token, "dropbox")).isEqualTo("NOT_CONNECTED");

		assertThat(http.getWithCookies("/settings/storage/connect/onedrive", session).status()).isEqualTo(404);
		assertThat(http.getWithCookies("/settings/storage/connect/disk", session).status()).isEqualTo(404);
		Http.Response early = http.putJson("/api/v1/storage/platform", "{\"platform\":\"dropbox\"}", token);
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("field").asString()).isEqualTo("platform");
		assertThat(http.putJson("/api/v1/storage/platform", "{\"platform\":\"ftp\"}", token).status()).isEqualTo(422);
		assertThat(http.putJson("/api/v1/storage/platform", "{}", token).status()).isEqualTo(400);

		String member = Firms.join(http, firm, "member-" + System.nanoTime() + "@refusing.test", "STAFF");
		assertThat(http.get("/api/v1/storage", member).status()).isEqualTo(403);
		assertThat(http.postJson("/api/v1/storage/moves", "", member).status()).isEqualTo(403);
	}

	private void connect(Http http, String session, String platform, String authorizeAt, String offline) {
		Http.Response started = http.getWithCookies("/settings/storage/connect/" + platform, session);
		assertThat(started.status()).isEqualTo(302);
		String location = started.header("Location");
		assertThat(location).startsWith(authorizeAt + "?").contains("response_type=code", "code_challenge=", offline);
		Map<String, String> query = query(location);
		assertThat(query.get("redirect_uri")).isEqualTo(http.base() + "/settings/storage/connected/" + platform);
		Http.Response back = http.getWithCookies("/settings/storage/connected/" + platform + "?code=the-code&state="
				+ java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8), session);
		assertThat(back.status()).isEqualTo(302);
		assertThat(back.header("Location")).endsWith("/settings/storage");
	}

	private static void tokenEndpoint(com.github.tomakehurst.wiremock.WireMockServer server, String grant,
			Map<String, Object> answer) {
		String path = server.equals(drive.server()) ? "/token" : "/oauth2/token";
		server.stubFor(post(urlPathEqualTo(path)).atPriority(1)
			.withRequestBody(containing("grant_type=" + grant))
			.willReturn(okJson(Http.json(answer))));
	}

	private static String platformOf(Http http, String token, String platform) {
		for (JsonNode account : http.get("/api/v1/storage", token).json().get("accounts")) {
			if (account.get("platform").asString().equals(platform)) {
				return account.get("status").asString();
			}
		}
		throw new AssertionError(platform);
	}

	private static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> query(String url) {
		Map<String, String> values = new HashMap<>();
		for (String pair : URI.create(url).getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	private static String upload(Http http, String token, String clientId, String name, byte[] content) {
		Http.Response response = http.postMultipart("/api/v1/clients/" + clientId + "/documents", token,
				List.of(FilePart.file(name, content)), Map.of());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("items").get(0).get("id").asString();
	}

	@TestConfiguration
	static class DropboxConnection {

		@Bean
		HttpRequestor dropboxRequestor() {
			return dropbox.httpRequestor();
		}

	}

}
