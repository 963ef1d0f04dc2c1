package app.dossier.resumable;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unfinished uploads carry their expiry and are removed by the clean-up job once it
 * passed (here after two seconds instead of a day).
 */
@DossierIntegrationTest
@TestPropertySource(properties = { "dossier.test.context=resumable-expiry", "dossier.uploads.resumable.expiration=2s" })
class ResumableExpiryIT {

	@LocalServerPort
	int port;

	@Autowired
	ResumableUploads resumable;

	@Test
	void anUnfinishedUploadExpiresAndTheCleanUpJobRemovesIt() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Expiry");
		String token = firm.adminToken();
		String client = Customers.client(http, token, "Expiry Client");
		Http.Response created = http.send(http.request("/api/v1/uploads", token)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", "100")
			.header("Upload-Metadata", ResumableUploadsIT.metadata(Map.of("filename", "late.pdf", "clientId", client)))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).isEqualTo(201);
		String location = java.net.URI.create(created.header("Location")).getPath();
		Http.Response piece = http.send(http.request(location, token)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(ResumableUploadsIT.pdf(40, 9))));
		assertThat(piece.status()).isEqualTo(204);
		assertThat(piece.header("Upload-Expires")).as("the expiry is announced").isNotBlank();

		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.resumable.cleanUp();
			assertThat(head(http, location, token)).isIn(404, 410);
		});
	}

	private static int head(Http http, String location, String token) {
		return http
			.send(http.request(location, token)
				.header("Tus-Resumable", "1.0.0")
				.method("HEAD", HttpRequest.BodyPublishers.noBody()))
			.status();
	}

}
