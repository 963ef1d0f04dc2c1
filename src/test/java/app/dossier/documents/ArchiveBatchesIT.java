package app.dossier.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An archive looks its documents up again a batch at a time just before writing them;
 * what changed since it began is left out and the rest still go out, in order.
 */
@DossierIntegrationTest
class ArchiveBatchesIT {

	@LocalServerPort
	int port;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void documentsDeletedQuarantinedOrGoneSinceTheArchiveBeganAreLeftOut() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Archive batches");
		String client = Customers.client(http, firm, "Batch Client");
		List<FilePart> files = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			files.add(FilePart.file("note-" + i + ".txt", ("Note " + i).getBytes(StandardCharsets.UTF_8)));
		}
		Http.Response uploaded = http.postMultipart("/api/v1/clients/" + client + "/documents", firm.adminToken(),
				files, Map.of());
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		List<UUID> ids = new ArrayList<>();
		uploaded.json().get("items").forEach((item) -> ids.add(UUID.fromString(item.get("id").asString())));

		assertThat(http.delete("/api/v1/documents/" + ids.get(1), firm.adminToken()).status()).isEqualTo(204);
		this.jdbc.sql("update document set scan_status = 'INFECTED' where id = ?").params(ids.get(2)).update();
		this.jdbc.sql("update document set storage_key = ? where id = ?")
			.params("gone/" + ids.get(4) + ".txt", ids.get(4))
			.update();

		List<UUID> reversed = new ArrayList<>(ids).reversed();
		List<Documents.Download> downloads = this.documents.downloads(firm.id(), reversed);

		assertThat(downloads).extracting((download) -> download.document().id())
			.containsExactly(ids.get(5), ids.get(3), ids.get(0));
		assertThat(downloads.getFirst().content().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("Note 6");
		assertThat(this.documents.get(firm.id(), ids.get(4)).missingSince()).as("marked missing").isNotNull();
		assertThat(this.documents.downloads(UUID.randomUUID(), ids)).as("another firm's ids").isEmpty();
	}

}
