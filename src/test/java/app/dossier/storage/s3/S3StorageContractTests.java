package app.dossier.storage.s3;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import app.dossier.shared.NotFoundException;
import app.dossier.storage.FolderChanges;
import app.dossier.storage.StorageBackend;
import app.dossier.storage.StorageContract;
import app.dossier.storage.StoredFile;
import app.dossier.support.S3Server;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The storage contract against a real S3 server (S3Proxy, in memory), through the client
 * Dossier builds, with 5 MiB parts so that the contract's large file goes in two; then
 * what is particular to S3: keys, checksums sent to the server, parts, conditional
 * writes, copies in parts, paged listings.
 */
class S3StorageContractTests extends StorageContract {

	static final long PART = 5L * 1024 * 1024;

	private static S3Server server;

	private static S3Client direct;

	private S3Client client;

	private S3Storage storage;

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
	void connect() {
		String bucket = server.createBucket();
		this.client = new S3Configuration().s3Client(settings(server.endpoint(), bucket));
		this.storage = new S3Storage(this.client, bucket, PART, PART);
	}

	@AfterEach
	void disconnect() {
		this.client.close();
	}

	static S3Settings settings(URI endpoint, String bucket) {
		return new S3Settings(bucket, endpoint, S3Server.REGION, true, S3Server.ACCESS_KEY, S3Server.SECRET_KEY,
				DataSize.ofBytes(PART), DataSize.ofBytes(PART), 3, Duration.ofSeconds(10), false);
	}

	@Override
	protected StorageBackend backend() {
		return this.storage;
	}

	@Override
	protected void overwriteDirectly(StoredFile file, byte[] content) {
		direct.putObject((request) -> request.bucket(this.storage.bucket()).key(file.key()),
				RequestBody.fromBytes(content));
	}

	@Test
	void objectKeysReadLikeTheFolders() {
		StoredFile stored = this.storage.put(List.of("acme", "customers", "Jane Doe"), "invoice.pdf",
				content(random(1, 10)));

		assertThat(stored.key()).isEqualTo("acme/customers/Jane Doe/invoice.pdf");
		assertThat(
				direct.headObject((request) -> request.bucket(this.storage.bucket()).key(stored.key())).contentLength())
			.isEqualTo(10);
	}

	@Test
	void theSha256IsSentToS3AndKeptWithTheObject() {
		byte[] bytes = random(2, 1000);

		StoredFile stored = this.storage.put(freshFolder(), "a.pdf", content(bytes));

		HeadObjectResponse head = direct.headObject((
				request) -> request.bucket(this.storage.bucket()).key(stored.key()).checksumMode(ChecksumMode.ENABLED));
		assertThat(head.checksumSHA256()).isEqualTo(Base64.getEncoder().encodeToString(digest(bytes)));
		assertThat(stored.sha256()).isEqualTo(sha256(bytes));
		assertThat(this.storage.stat(stored.key()).orElseThrow().sha256()).isEqualTo(sha256(bytes));
	}

	@Test
	void largeFilesGoInPartsReadFromTheSourceOnce() {
		byte[] bytes = random(3, largeFileSize());
		AtomicInteger opens = new AtomicInteger();
		StorageBackend.Content content = new StorageBackend.Content(bytes.length, sha256(bytes), () -> {
			opens.incrementAndGet();
			return new ByteArrayInputStream(bytes);
		});

		StoredFile stored = this.storage.put(freshFolder(), "scan.tiff", content);

		// S3Proxy does not report a multipart object's composite checksum; the faults
		// tests see the parts' checksums on the wire.
		HeadObjectResponse head = direct
			.headObject((request) -> request.bucket(this.storage.bucket()).key(stored.key()));
		assertThat(head.eTag()).endsWith("-2\"");
		assertThat(stored.sha256()).isEqualTo(sha256(bytes));
		assertThat(opens).hasValue(1);
		assertThat(direct.listMultipartUploads((request) -> request.bucket(this.storage.bucket())).uploads()).isEmpty();
	}

	@Test
	void wrongContentInALargeFileLeavesNoUploadBehind() {
		byte[] bytes = random(4, largeFileSize());
		StorageBackend.Content wrong = new StorageBackend.Content(bytes.length, sha256(random(5, 10)),
				() -> new ByteArrayInputStream(bytes));
		List<String> folder = freshFolder();

		assertThatIllegalArgumentException().isThrownBy(() -> this.storage.put(folder, "scan.tiff", wrong));

		assertThat(this.storage.list(folder)).isEmpty();
		assertThat(direct.listMultipartUploads((request) -> request.bucket(this.storage.bucket())).uploads()).isEmpty();
	}

	@Test
	void uploadsOfOneNameAtTheSameMomentEachGetTheirOwnName() throws Exception {
		List<String> folder = freshFolder();
		int writers = 6;
		List<byte[]> contents = IntStream.range(0, writers).mapToObj((i) -> random(100 + i, 2000)).toList();
		CyclicBarrier start = new CyclicBarrier(writers);
		List<StoredFile> stored;
		try (ExecutorService executor = Executors.newFixedThreadPool(writers)) {
			List<Future<StoredFile>> futures = new ArrayList<>();
			for (byte[] bytes : contents) {
				futures.add(executor.submit(() -> {
					start.await();
					return this.storage.put(folder, "a.pdf", content(bytes));
				}));
			}
			stored = new ArrayList<>();
			for (Future<StoredFile> future : futures) {
				stored.add(future.get(20, TimeUnit.SECONDS));
			}
		}

		assertThat(stored).extracting(StoredFile::name)
			.containsExactlyInAnyOrder("a.pdf", "a (2).pdf", "a (3).pdf", "a (4).pdf", "a (5).pdf", "a (6).pdf");
		for (int i = 0; i < writers; i++) {
			assertThat(read(this.storage.get(stored.get(i).key(), 0, -1))).isEqualTo(contents.get(i));
		}
	}

	@Test
	void filesAboveTheCopyLimitMoveByCopyingInParts() {
		S3Storage smallCopies = new S3Storage(this.client, this.storage.bucket(), PART, PART, PART, PART);
		List<String> folder = freshFolder();
		byte[] bytes = random(6, largeFileSize());
		StoredFile stored = smallCopies.put(folder, "scan.tiff", content(bytes));

		StoredFile moved = smallCopies.move(stored.key(), append(folder, "Archive"), "scan.tiff");

		assertThat(read(smallCopies.get(moved.key(), 0, -1))).isEqualTo(bytes);
		assertThat(moved.version()).endsWith("-2");
		assertThat(moved.sha256()).isEqualTo(sha256(bytes));
		assertThat(smallCopies.stat(stored.key())).isEmpty();
	}

	@Test
	void aMoveOntoItsOwnNameChangesNothing() {
		List<String> folder = freshFolder();
		StoredFile stored = this.storage.put(folder, "a.pdf", content(random(7, 10)));

		StoredFile moved = this.storage.move(stored.key(), folder, "a.pdf");

		assertThat(moved.key()).isEqualTo(stored.key());
		assertThat(this.storage.list(folder)).hasSize(1);
	}

	@Test
	void movingAMissingFileIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.storage.move("nothing/here.pdf", freshFolder(), "here.pdf"));
	}

	@Test
	void rangesBeyondTheEndReadWhatThereIs() {
		StoredFile stored = this.storage.put(freshFolder(), "a.pdf", content(random(8, 100)));

		assertThat(read(this.storage.get(stored.key(), 90, 50))).hasSize(10);
		assertThat(read(this.storage.get(stored.key(), 100, -1))).isEmpty();
		assertThat(read(this.storage.get(stored.key(), 500, 10))).isEmpty();
		assertThat(read(this.storage.get(stored.key(), 5, 0))).isEmpty();
	}

	@Test
	void listingsPastOnePageAreComplete() throws Exception {
		List<String> folder = freshFolder();
		String prefix = String.join("/", folder) + "/";
		int count = 1003;
		try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String key = prefix + "file-" + i + ".txt";
				futures.add(executor
					.submit(() -> direct.putObject((request) -> request.bucket(this.storage.bucket()).key(key),
							RequestBody.fromString("x"))));
			}
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		direct.putObject((request) -> request.bucket(this.storage.bucket()).key(prefix), RequestBody.empty());

		assertThat(this.storage.list(folder)).hasSize(count);
		assertThat(this.storage.changes(folder, null).files()).hasSize(count);
	}

	@Test
	void theSameListingGivesTheSameMarker() throws Exception {
		List<String> folder = freshFolder();
		StoredFile stored = this.storage.put(folder, "a.pdf", content(random(9, 10)));
		String marker = this.storage.changes(folder, null).marker();

		assertThat(this.storage.changes(folder, marker).isEmpty()).isTrue();

		overwriteDirectly(stored, random(10, 10));
		FolderChanges changed = this.storage.changes(folder, marker);

		assertThat(changed.complete()).isTrue();
		assertThat(changed.marker()).isNotEqualTo(marker);
		assertThat(changed.files()).singleElement().extracting(StoredFile::version).isNotEqualTo(stored.version());
	}

	private static List<String> append(List<String> folder, String name) {
		List<String> longer = new ArrayList<>(folder);
		longer.add(name);
		return longer;
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
