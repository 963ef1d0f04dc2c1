package app.dossier.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A disk that fails part-way through writing any file larger than 100 KB. */
@DossierIntegrationTest
@TestPropertySource(properties = "dossier.test.context=failing-storage")
class StorageFailureIT {

	static final int FAIL_AFTER = 100 * 1024;

	@LocalServerPort
	int port;

	@Value("${dossier.storage.root}")
	Path storageRoot;

	@Test
	void aWriteFailureMidUploadAnswers503AndLeavesNoRowAndNoFile() throws IOException {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Failing");
		String clientId = Customers.client(http, firm, "Unlucky");

		Http.Response failed = http.postMultipart("/api/v1/clients/" + clientId + "/documents", firm.adminToken(),
				List.of(FilePart.file("fine.txt", new byte[1000]), FilePart.file("large.bin", new byte[300 * 1024])),
				Map.of());

		assertThat(failed.status()).isEqualTo(503);
		assertThat(failed.contentType()).startsWith("application/problem+json");
		assertThat(failed.json().get("detail").asString()).contains("nothing was kept");
		assertThat(http.get("/api/v1/clients/" + clientId + "/documents", firm.adminToken()).json().get("items"))
			.isEmpty();
		try (Stream<Path> files = Files.walk(this.storageRoot)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
		Http.Response small = http.postMultipart("/api/v1/clients/" + clientId + "/documents", firm.adminToken(),
				List.of(FilePart.file("fine.txt", new byte[1000])), Map.of());
		assertThat(small.status()).isEqualTo(201);
	}

	@TestConfiguration
	static class DiskFullAfterAWhile {

		@Bean
		@Primary
		Staging failingStaging(StorageSettings settings) {
			return FailingDisk.fullAfter(settings, FAIL_AFTER);
		}

	}

}
