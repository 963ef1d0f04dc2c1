package app.dossier.documents;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.PortalSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every door judges a file by its bytes: content that contradicts the name, and kinds the
 * firm does not accept, are refused with 415 naming what was found, and nothing is kept.
 */
@DossierIntegrationTest
class ContentChecksIT {

	static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
		.getBytes(StandardCharsets.US_ASCII);

	/** A one-pixel PNG. */
	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Test
	void contentThatContradictsItsNameOrIsNoAcceptedKindIsRefusedAtEveryDoor() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Checking");
		String token = firm.adminToken();
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Checked Client");
		String documents = "/api/v1/clients/" + customer.clientId() + "/documents";

		Http.Response disguised = http.postMultipart(documents, token, List.of(FilePart.file("invoice.pdf", HTML)),
				Map.of());
		assertThat(disguised.status()).as(disguised.body()).isEqualTo(415);
		assertThat(disguised.contentType()).startsWith("application/problem+json");
		assertThat(disguised.json().get("detail").asString()).contains("invoice.pdf", "text/html", "PDF");
		assertThat(disguised.json().get("detectedType").asString()).isEqualTo("text/html");

		Http.Response page = http.postMultipart(documents, token, List.of(FilePart.file("page.html", HTML)), Map.of());
		assertThat(page.status()).isEqualTo(415);
		assertThat(page.json().get("detail").asString()).contains("not accepted");

		Http.Response mixed = http.postMultipart(documents, token,
				List.of(FilePart.file("fine.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)),
						FilePart.file("bad.pdf", HTML)),
				Map.of());
		assertThat(mixed.status()).isEqualTo(415);
		assertThat(http.get(documents, token).json().get("items")).as("nothing of a refused upload is kept").isEmpty();

		Http.Response renamedImage = http.postMultipart(documents, token, List.of(FilePart.file("photo.jpg", PNG)),
				Map.of());
		assertThat(renamedImage.status()).as("a PNG named .jpg is still an image").isEqualTo(201);
		assertThat(renamedImage.json().get("items").get(0).get("contentType").asString()).isEqualTo("image/png");

		String id = renamedImage.json().get("items").get(0).get("id").asString();
		Http.Response version = http.postMultipart("/api/v1/documents/" + id + "/versions", token,
				List.of(FilePart.file("photo.jpg", HTML)), Map.of());
		assertThat(version.status()).isEqualTo(415);

		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", token);
		String uploads = http.get("/api/v1/clients/" + customer.clientId() + "/folders", token)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		String session = PortalSession.signIn(http, customer.email());
		Http.Response portal = http.postMultipartForm("/portal/api/uploads?folder=" + uploads, session,
				List.of(FilePart.file("statement.pdf", HTML)), Map.of());
		assertThat(portal.status()).isEqualTo(415);
		assertThat(portal.json().get("detail").asString()).contains("text/html");
		assertThat(http.get(documents, token).json().get("items")).hasSize(1);
	}

	@Test
	void aFirmThatAcceptsOnlyPdfsRefusesImagesAndBadChoicesAreRefused() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Narrow");
		String token = firm.adminToken();
		String client = Customers.client(http, token, "Narrow Client");

		assertThat(http.patchJson("/api/v1/settings", "{\"allowedTypes\":[\"pdf\",\"spreadsheets\"]}", token).status())
			.isEqualTo(422);
		assertThat(http.patchJson("/api/v1/settings", "{\"allowedTypes\":[]}", token).status()).isEqualTo(422);
		JsonNode settings = http.patchJson("/api/v1/settings", "{\"allowedTypes\":[\"PDF\"]}", token).json();
		assertThat(settings.get("allowedTypes").toString()).isEqualTo("[\"pdf\"]");

		Http.Response image = http.postMultipart("/api/v1/clients/" + client + "/documents", token,
				List.of(FilePart.file("photo.png", PNG)), Map.of());
		assertThat(image.status()).isEqualTo(415);
		assertThat(image.json().get("detail").asString()).contains("image/png", "Accepted: PDF");
		assertThat(http
			.postMultipart("/api/v1/clients/" + client + "/documents", token,
					List.of(FilePart.file("return.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))), Map.of())
			.status()).isEqualTo(201);
		String staff = app.dossier.support.WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		assertThat(http.getWithCookies("/clients/" + client + "/files", staff).body())
			.as("the uploader refuses other kinds before sending them")
			.contains("data-accept=\".pdf,application/pdf\"", "data-accept-label=\"PDF\"");
	}

}
