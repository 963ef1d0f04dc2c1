package app.dossier.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.S3Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on S3 while S3 misbehaves: WireMock stands between Dossier and an
 * S3 server in the test JVM and fails what a test tells it to. Every failure must answer
 * 503 with nothing half-written: no document, no object, no staged file.
 */
@DossierIntegrationTest
class S3FaultsIT {

	static final S3Server s3 = S3Server.start();

	static final String BUCKET = s3.createBucket();

	static final WireMockServer wire = new WireMockServer(
			options().dynamicPort().preserveHostHeader(true).jettyStopTimeout(100L));

	static {
		wire.start();
		wire.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(s3.endpoint().toString())));
	}

	@LocalServerPort
	int port;

	@Value("${dossier.storage.root}")
	Path storageRoot;

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		Map<String, String> properties = s3.properties(BUCKET);
		properties.forEach((name, value) -> registry.add(name, () -> value));
		registry.add("dossier.storage.s3.endpoint", wire::baseUrl);
		registry.add("dossier.storage.s3.max-attempts", () -> "3");
		registry.add("dossier.storage.s3.timeout", () -> "1s");
		registry.add("dossier.storage.s3.multipart-threshold", () -> "5MB");
		registry.add("dossier.storage.s3.part-size", () -> "5MB");
	}

	@AfterEach
	void healS3() {
		wire.resetRequests();
		wire.getStubMappings()
			.stream()
			.filter((mapping) -> mapping.getPriority() != null && mapping.getPriority() < 10)
			.toList()
			.forEach(wire::removeStub);
	}

	@AfterAll
	static void stop() {
		wire.stop();
		s3.close();
	}

	@Test
	void s3ServerErrorsAnswer503AfterLimitedRetriesAndKeepNothing() throws IOException {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Errors500");
		String client = Customers.client(http, firm, "Erroring Client");
		wire.stubFor(put(anyUrl()).atPriority(1).willReturn(s3Error(500, "InternalError")));

		assertNothingKept(http, firm, client, upload(http, firm, client, "a.pdf", "%PDF-1.4 a".getBytes()));
		assertThat(wire.findAll(putRequestedFor(anyUrl()))).hasSize(3);

		healS3();
		Http.Response healed = upload(http, firm, client, "a.pdf", "%PDF-1.4 a".getBytes());
		assertThat(healed.status()).isEqualTo(201);
		String id = healed.json().get("items").get(0).get("id").asString();
		assertThat(http.download("/api/v1/documents/" + id + "/content", firm.adminToken()).body())
			.isEqualTo("%PDF-1.4 a".getBytes());
	}

	@Test
	void slowAnswersAndConnectionResetsAnswer503AndKeepNothing() throws IOException {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "SlowReset");
		String client = Customers.client(http, firm, "Slow Client");

		wire.stubFor(put(anyUrl()).atPriority(1).willReturn(aResponse().withFixedDelay(3000).withStatus(200)));
		assertNothingKept(http, firm, client, upload(http, firm, client, "slow.pdf", "%PDF-1.4 s".getBytes()));

		healS3();
		wire.stubFor(put(anyUrl()).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertNothingKept(http, firm, client, upload(http, firm, client, "reset.pdf", "%PDF-1.4 r".getBytes()));
		assertThat(wire.findAll(putRequestedFor(anyUrl()))).hasSize(3);
	}

	@Test
	void aLargeUploadWhosePartKeepsFailingIsAbortedAndKeepsNothing() throws IOException {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "PartFails");
		String client = Customers.client(http, firm, "Parts Client");
		byte[] large = new byte[7 * 1024 * 1024];
		new Random(7).nextBytes(large);
		wire.stubFor(put(urlMatching(".*partNumber=2.*")).atPriority(1).willReturn(s3Error(500, "InternalError")));

		assertNothingKept(http, firm, client, upload(http, firm, client, "large.bin", large));
		assertThat(wire.findAll(deleteRequestedFor(urlMatching(".*uploadId=.*")))).isNotEmpty();
		assertThat(wire.findAll(putRequestedFor(urlMatching(".*partNumber=2.*")))).hasSize(3);
	}

	private void assertNothingKept(Http http, Firms.TestFirm firm, String client, Http.Response response)
			throws IOException {
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(http.get("/api/v1/clients/" + client + "/documents", firm.adminToken()).json().get("items"))
			.isEmpty();
		assertThat(s3.client().listObjectsV2((request) -> request.bucket(BUCKET)).contents())
			.noneMatch((object) -> object.key().contains(clientName(http, firm, client)));
		assertThat(s3.client().listMultipartUploads((request) -> request.bucket(BUCKET)).uploads()).isEmpty();
		try (Stream<Path> staged = Files.list(this.storageRoot.resolve(".incoming"))) {
			assertThat(staged).isEmpty();
		}
	}

	private static String clientName(Http http, Firms.TestFirm firm, String client) {
		return http.get("/api/v1/clients/" + client, firm.adminToken()).json().get("displayName").asString();
	}

	private static Http.Response upload(Http http, Firms.TestFirm firm, String client, String name, byte[] bytes) {
		return http.postMultipart("/api/v1/clients/" + client + "/documents", firm.adminToken(),
				List.of(FilePart.file(name, bytes)), Map.of());
	}

	private static ResponseDefinitionBuilder s3Error(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/xml")
			.withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
					+ "</Code><Message>Injected by the test</Message><RequestId>test</RequestId></Error>");
	}

}
