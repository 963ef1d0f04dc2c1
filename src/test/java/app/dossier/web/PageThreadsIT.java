package app.dossier.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.Http.Multipart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/** One page thread only, so that anything holding it would stop every page. */
@DossierIntegrationTest
@TestPropertySource(properties = "dossier.web.page-threads=1")
class PageThreadsIT {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void aSlowUploadHoldsNoPageThreadAndPagesAnswerMeanwhile() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Slow Phones");
		String documents = "/api/v1/clients/" + Customers.client(http, firm, "On A Train") + "/documents";
		byte[] content = new byte[1024 * 1024];
		new Random(9).nextBytes(content);
		Multipart body = Multipart.of(List.of(FilePart.file("site-photo.jpg", content)), Map.of());
		int half = body.bytes().length / 2;

		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + documents + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nAuthorization: Bearer "
					+ firm.adminToken() + "\r\nContent-Type: " + body.contentType() + "\r\nContent-Length: "
					+ body.bytes().length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body.bytes(), 0, half);
			out.flush();
			// The upload now waits for the rest of its body, as one from a phone on a
			// slow network does.
			Thread.sleep(300);
			for (int i = 0; i < 3; i++) {
				Http.Response page = http
					.send(http.request(documents, firm.adminToken()).timeout(Duration.ofSeconds(10)).GET());
				assertThat(page.status()).isEqualTo(200);
			}
			out.write(body.bytes(), half, body.bytes().length - half);
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 201");
			assertThat(answer).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
		}
		assertThat(http.get(documents, firm.adminToken()).json().get("items")).hasSize(1);
	}

	@Test
	void everyHandlerThatAnswersWithAFileIsADownloadAndNoOtherIs() {
		List<String> downloads = Streams.downloadsOf(this.mapping).stream().map(PathPattern::getPatternString).toList();
		assertThat(downloads).contains("/api/v1/documents/{id}/content",
				"/api/v1/documents/{id}/versions/{versionId}/content", "/documents/{id}/download",
				"/portal/documents/{id}/download", "/l/{token}/files/{documentId}");
		assertThat(downloads).doesNotContain("/api/v1/clients/{id}/documents", "/portal/files",
				"/l/{token}/archive.zip", "/portal/folders/{id}/zip");
	}

}
