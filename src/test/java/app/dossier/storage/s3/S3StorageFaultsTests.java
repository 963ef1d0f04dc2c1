package app.dossier.storage.s3;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.UnavailableException;
import app.dossier.storage.StorageBackend;
import app.dossier.storage.StorageRefusedException;
import app.dossier.storage.StoredFile;
import app.dossier.support.S3Server;
import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * S3 misbehaving: WireMock stands between the storage and a real S3 server (S3Proxy),
 * passing requests through unless a test makes it fail them. Requests are counted on the
 * wire, so "three attempts" means three requests the server saw.
 */
class S3StorageFaultsTests {

	private static final int MAX_ATTEMPTS = 3;

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private static final long PART = 5L * 1024 * 1024;

	private static S3Server server;

	private static S3Client direct;

	private WireMockServer wire;

	private S3Client client;

	private S3Storage storage;

	private String bucket;

	private List<String> folder;

	@BeforeAll
	static void startServer() {
		server = S3Server.start();
		direct = server.client();
	}

	@AfterAll
	static void stopServer() {
		direct.close();
		server.close();
	}

	@BeforeEach
	void placeWireMockInBetween() {
		this.bucket = server.createBucket();
		this.folder = List.of("acme", "customer-" + UUID.randomUUID().toString().substring(0, 8));
		// The Host header is signed: S3Proxy must see the one the client signed.
		this.wire = new WireMockServer(options().dynamicPort().preserveHostHeader(true).jettyStopTimeout(100L));
		this.wire.start();
		this.wire.stubFor(any(anyUrl()).atPriority(10).willReturn(toS3()));
		this.client = new S3Configuration().s3Client(new S3Settings(this.bucket, URI.create(this.wire.baseUrl()),
				S3Server.REGION, true, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, DataSize.ofBytes(PART),
				DataSize.ofBytes(PART), MAX_ATTEMPTS, TIMEOUT, false));
		this.storage = new S3Storage(this.client, this.bucket, PART, PART);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.wire.stop();
	}

	@Test
	void serverErrorsOnEveryTryOfAnUploadAreUnavailableAfterMaxAttemptsAndKeepNothing() {
		this.wire.stubFor(put(anyUrl()).atPriority(1).willReturn(s3Error(500, "InternalError")));

		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.storage.put(this.folder, "a.pdf", content(random(1, 1000))))
			.withMessage("The file could not be stored; nothing was kept. Please try again.");

		this.wire.verify(MAX_ATTEMPTS, putRequestedFor(object("a.pdf")));
		assertThat(objects()).isEmpty();
	}

	@Test
	void serverErrorsOnEveryTryOfAPartAbortTheMultipartUpload() {
		this.wire.stubFor(put(anyUrl()).withQueryParam("partNumber", matching(".*"))
			.atPriority(1)
			.willReturn(s3Error(500, "InternalError")));

		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.storage.put(this.folder, "scan.tiff", content(random(2, (int) PART + 100))));

		this.wire.verify(1, postRequestedFor(object("scan.tiff")).withQueryParam("uploads", matching(".*")));
		this.wire.verify(MAX_ATTEMPTS, putRequestedFor(object("scan.tiff")).withQueryParam("partNumber", equalTo("1")));
		this.wire.verify(1, deleteRequestedFor(object("scan.tiff")).withQueryParam("uploadId", matching(".+")));
		assertThat(direct.listMultipartUploads((request) -> request.bucket(this.bucket)).uploads()).isEmpty();
		assertThat(objects()).isEmpty();
	}

	@Test
	void twoServerErrorsThenSuccessStoreTheFile() {
		failTwiceThenPass(() -> put(object("a.pdf")));
		byte[] bytes = random(3, 1000);

		StoredFile stored = this.storage.put(this.folder, "a.pdf", content(bytes));

		this.wire.verify(3, putRequestedFor(object("a.pdf")));
		assertThat(stored.name()).isEqualTo("a.pdf");
		assertThat(directRead(stored.key())).isEqualTo(bytes);
	}

	@Test
	void aFailedPartIsSentAgainFromTheSourceSkippedToItsOffset() {
		failTwiceThenPass(() -> put(object("scan.tiff")).withQueryParam("partNumber", equalTo("2")));
		byte[] bytes = random(4, (int) PART + 4321);
		AtomicInteger opens = new AtomicInteger();
		StorageBackend.Content content = new StorageBackend.Content(bytes.length, sha256(bytes), () -> {
			opens.incrementAndGet();
			return new ByteArrayInputStream(bytes);
		});

		StoredFile stored = this.storage.put(this.folder, "scan.tiff", content);

		this.wire.verify(3, putRequestedFor(object("scan.tiff")).withQueryParam("partNumber", equalTo("2")));
		assertThat(opens).hasValue(3);
		assertThat(directRead(stored.key())).isEqualTo(bytes);
		assertThat(direct.listMultipartUploads((request) -> request.bucket(this.bucket)).uploads()).isEmpty();
	}

	@Test
	void theSha256GoesWithEveryUploadAndEveryPart() {
		byte[] small = random(5, 100);
		this.storage.put(this.folder, "a.pdf", content(small));
		this.storage.put(this.folder, "scan.tiff", content(random(6, (int) PART + 1)));

		this.wire.verify(1, putRequestedFor(object("a.pdf")).withHeader("x-amz-checksum-sha256",
				equalTo(Base64.getEncoder().encodeToString(digest(small)))));
		this.wire.verify(1,
				postRequestedFor(object("scan.tiff")).withHeader("x-amz-checksum-algorithm", equalTo("SHA256")));
		List<LoggedRequest> parts = this.wire
			.findAll(putRequestedFor(object("scan.tiff")).withQueryParam("partNumber", matching(".*")));
		assertThat(parts).hasSize(2)
			.allSatisfy((part) -> assertThat(part.getHeader("x-amz-trailer")).isEqualTo("x-amz-checksum-sha256"));
	}

	@Test
	void aResponseSlowerThanTheTimeoutIsUnavailable() {
		StoredFile stored = this.storage.put(this.folder, "a.pdf", content(random(7, 100)));
		this.wire.stubFor(get(object("a.pdf")).atPriority(1)
			.willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(3_000)));

		long started = System.nanoTime();
		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.storage.get(stored.key(), 0, -1).close());

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
		this.wire.verify(MAX_ATTEMPTS, getRequestedFor(object("a.pdf")));
	}

	@Test
	void connectionResetsAreRetriedThenUnavailable() {
		this.wire
			.stubFor(get(bucketPath()).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> this.storage.list(this.folder));

		this.wire.verify(MAX_ATTEMPTS, getRequestedFor(bucketPath()));
	}

	@Test
	void aConnectionResetOnceIsRetried() {
		this.storage.put(this.folder, "a.pdf", content(random(8, 10)));
		this.wire.stubFor(get(bucketPath()).atPriority(1)
			.inScenario("reset")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("reset once"));

		assertThat(this.storage.list(this.folder)).extracting(StoredFile::name).containsExactly("a.pdf");
		this.wire.verify(2, getRequestedFor(bucketPath()));
	}

	@Test
	void aFileDeletedMeanwhileIsNotFound() {
		StoredFile stored = this.storage.put(this.folder, "a.pdf", content(random(9, 100)));
		direct.deleteObject((request) -> request.bucket(this.bucket).key(stored.key()));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.storage.get(stored.key(), 0, -1));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.storage.get(stored.key(), 10, 5));
		assertThat(this.storage.stat(stored.key())).isEmpty();
	}

	@Test
	void refusedCredentialsAreUnavailableAtOnce() {
		this.wire.stubFor(any(anyUrl()).atPriority(1).willReturn(s3Error(403, "AccessDenied")));

		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.storage.put(this.folder, "a.pdf", content(random(10, 10))))
			.withMessage("The storage refused access. Please try again later.");
		assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> this.storage.list(this.folder));

		this.wire.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void aFullStorageIsRefused() {
		this.wire.stubFor(put(anyUrl()).atPriority(1).willReturn(s3Error(507, "XMinioStorageFull")));

		assertThatExceptionOfType(StorageRefusedException.class)
			.isThrownBy(() -> this.storage.put(this.folder, "a.pdf", content(random(11, 10))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(StorageRefusedException.Reason.FULL));
		assertThat(objects()).isEmpty();
	}

	@Test
	void aNameTakenBetweenTheCheckAndTheWriteGoesToTheNextNumber() {
		byte[] first = random(12, 100);
		this.storage.put(this.folder, "a.pdf", content(first));
		// As if a second upload had checked the name just before the first one wrote it.
		this.wire.stubFor(head(object("a.pdf")).atPriority(1).willReturn(aResponse().withStatus(404)));

		StoredFile second = this.storage.put(this.folder, "a.pdf", content(random(13, 100)));

		assertThat(second.name()).isEqualTo("a (2).pdf");
		assertThat(directRead(key("a.pdf"))).isEqualTo(first);
		this.wire.verify(2, putRequestedFor(object("a.pdf")).withHeader("If-None-Match", equalTo("*")));
		assertThat(this.storage.usesConditionalWrites()).isTrue();
	}

	@Test
	void aNameTakenDuringAMultipartUploadGoesToTheNextNumberAndTheUploadIsAborted() {
		byte[] first = random(14, 100);
		this.storage.put(this.folder, "scan.tiff", content(first));
		this.wire.stubFor(head(object("scan.tiff")).atPriority(1).willReturn(aResponse().withStatus(404)));
		byte[] large = random(15, (int) PART + 10);

		StoredFile second = this.storage.put(this.folder, "scan.tiff", content(large));

		assertThat(second.name()).isEqualTo("scan (2).tiff");
		assertThat(directRead(second.key())).isEqualTo(large);
		assertThat(directRead(key("scan.tiff"))).isEqualTo(first);
		this.wire.verify(1, postRequestedFor(object("scan.tiff")).withQueryParam("uploadId", matching(".+"))
			.withHeader("If-None-Match", equalTo("*")));
		this.wire.verify(1, deleteRequestedFor(object("scan.tiff")).withQueryParam("uploadId", matching(".+")));
		assertThat(direct.listMultipartUploads((request) -> request.bucket(this.bucket)).uploads()).isEmpty();
	}

	@Test
	void aServerWithoutConditionalWritesIsWrittenToWithoutThem() {
		this.wire.stubFor(put(anyUrl()).withHeader("If-None-Match", matching(".*"))
			.atPriority(1)
			.willReturn(s3Error(501, "NotImplemented")));

		StoredFile first = this.storage.put(this.folder, "a.pdf", content(random(16, 10)));
		StoredFile second = this.storage.put(this.folder, "b.pdf", content(random(17, 10)));

		assertThat(List.of(first.name(), second.name())).containsExactly("a.pdf", "b.pdf");
		assertThat(this.storage.usesConditionalWrites()).isFalse();
		this.wire.verify(1, putRequestedFor(object("a.pdf")).withHeader("If-None-Match", matching(".*")));
		this.wire.verify(0, putRequestedFor(object("b.pdf")).withHeader("If-None-Match", matching(".*")));
	}

	private void failTwiceThenPass(Supplier<MappingBuilder> request) {
		this.wire.stubFor(request.get()
			.atPriority(1)
			.inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(s3Error(500, "InternalError"))
			.willSetStateTo("failed once"));
		this.wire.stubFor(request.get()
			.atPriority(1)
			.inScenario("flaky")
			.whenScenarioStateIs("failed once")
			.willReturn(s3Error(503, "SlowDown"))
			.willSetStateTo("failed twice"));
		this.wire.stubFor(
				request.get().atPriority(1).inScenario("flaky").whenScenarioStateIs("failed twice").willReturn(toS3()));
	}

	private ResponseDefinitionBuilder toS3() {
		return aResponse().proxiedFrom(server.endpoint().toString());
	}

	private static ResponseDefinitionBuilder s3Error(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/xml")
			.withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
					+ "</Code><Message>Injected by the test</Message><RequestId>test</RequestId></Error>");
	}

	private String key(String name) {
		return String.join("/", this.folder) + "/" + name;
	}

	private UrlPathPattern object(String name) {
		return urlPathEqualTo("/" + this.bucket + "/" + key(name));
	}

	private UrlPathPattern bucketPath() {
		return urlPathMatching("/" + this.bucket + "/?");
	}

	private List<String> objects() {
		return direct.listObjectsV2((request) -> request.bucket(this.bucket))
			.contents()
			.stream()
			.map((object) -> object.key())
			.toList();
	}

	private byte[] directRead(String key) {
		return direct.getObject((request) -> request.bucket(this.bucket).key(key), ResponseTransformer.toBytes())
			.asByteArray();
	}

	private static StorageBackend.Content content(byte[] bytes) {
		return new StorageBackend.Content(bytes.length, sha256(bytes), () -> new ByteArrayInputStream(bytes));
	}

	private static byte[] random(long seed, int size) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest(bytes));
	}

	private static byte[] digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
