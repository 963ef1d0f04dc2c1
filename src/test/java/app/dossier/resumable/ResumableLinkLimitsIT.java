package app.dossier.resumable;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secure link's files-per-visit limit holds for resumable uploads started side by side:
 * each was admitted while none had arrived, so the count is checked again when the last
 * piece arrives.
 */
@DossierIntegrationTest
class ResumableLinkLimitsIT {

	@LocalServerPort
	int port;

	@Test
	void uploadsStartedTogetherCannotExceedTheLinksFilesPerVisit() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Link Limits");
		String token = firm.adminToken();
		String client = Customers.client(http, token, "Limit Client");
		JsonNode link = http
			.postJson("/api/v1/clients/" + client + "/links", "{\"kind\":\"UPLOAD\",\"enabled\":true,\"maxFiles\":1}",
					token)
			.json();
		String url = link.get("url").asString();
		String linkToken = url.substring(url.lastIndexOf('/') + 1);
		String csrf = UUID.randomUUID().toString();
		Http.Response unlocked = http.send(http.request("/l/" + linkToken + "/unlock", null)
			.header("Content-Type", "application/json")
			.header("Cookie", "XSRF-TOKEN=" + csrf)
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + link.get("securityCode").asString() + "\"}")));
		assertThat(unlocked.status()).isEqualTo(200);
		String cookies = "XSRF-TOKEN=" + csrf + "; " + unlocked.header("Set-Cookie").split(";")[0];

		String first = create(http, linkToken, cookies, csrf, "First.pdf");
		String second = create(http, linkToken, cookies, csrf, "Second.pdf");
		Http.Response arrived = patch(http, first, cookies, csrf, ResumableUploadsIT.pdf(5_000, 1));
		assertThat(arrived.status()).as(arrived.body()).isEqualTo(204);
		assertThat(arrived.header(ResumableUploads.DOCUMENT_HEADER)).isNotNull();

		Http.Response refused = patch(http, second, cookies, csrf, ResumableUploadsIT.pdf(5_000, 2));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("This link accepts 1 files per visit");
		assertThat(http.get("/api/v1/clients/" + client + "/documents", token).json().get("items")).hasSize(1);
		Http.Response gone = http.send(http.request(second, null)
			.header("Tus-Resumable", "1.0.0")
			.header("Cookie", cookies)
			.method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(gone.status()).as("the refused upload's pieces are removed").isEqualTo(404);
	}

	private static String create(Http http, String linkToken, String cookies, String csrf, String name) {
		Http.Response created = http.send(http.request("/l/" + linkToken + "/uploads", null)
			.header("Tus-Resumable", "1.0.0")
			.header("Cookie", cookies)
			.header("X-XSRF-TOKEN", csrf)
			.header("Upload-Length", "5000")
			.header("Upload-Metadata",
					"filename " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return java.net.URI.create(created.header("Location")).getPath();
	}

	private static Http.Response patch(Http http, String location, String cookies, String csrf, byte[] bytes) {
		return http.send(http.request(location, null)
			.header("Tus-Resumable", "1.0.0")
			.header("Cookie", cookies)
			.header("X-XSRF-TOKEN", csrf)
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

}
