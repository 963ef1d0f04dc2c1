package app.dossier.storage.dropbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.UnavailableException;
import app.dossier.storage.FolderChanges;
import app.dossier.storage.StorageBackend;
import app.dossier.storage.StorageRefusedException;
import app.dossier.storage.StorageRefusedException.Reason;
import app.dossier.storage.StoredFile;
import app.dossier.support.DropboxStub;
import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the Dropbox backend copes with what Dropbox does besides answering: rate limits,
 * failures, expired and revoked tokens, names it refuses, a full account, paged and reset
 * listings, files that go away, and content that does not match its checksum.
 */
class DropboxStorageFaultsTests {

	private static final List<String> FOLDER = List.of("acme", "customers", "Jane Doe");

	private static final int CHUNK = 1024 * 1024;

	private final DropboxStub dropbox = DropboxStub.start();

	private final StubTokens tokens = new StubTokens(this.dropbox);

	private final DropboxStorage storage = new DropboxStorage(this.tokens,
			DropboxStorageContractTests.endpoints(this.dropbox),
			DropboxStorageContractTests.settings(DataSize.ofBytes(CHUNK)), this.dropbox.httpRequestor());

	@AfterEach
	void stop() {
		this.dropbox.close();
	}

	@Test
	void rateLimitedRequestsWaitAsLongAsDropboxAsksThenSucceed() {
		this.storage.put(FOLDER, "a.pdf", content(random(1, 10)));
		this.dropbox.failNext("/2/files/list_folder", 2, DropboxStub.tooManyRequests(1));

		assertThat(this.storage.list(FOLDER)).extracting(StoredFile::name).containsExactly("a.pdf");

		List<LoggedRequest> requests = this.dropbox.requests("/2/files/list_folder");
		assertThat(requests).hasSize(3);
		for (int i = 1; i < requests.size(); i++) {
			long waited = requests.get(i).getLoggedDate().getTime() - requests.get(i - 1).getLoggedDate().getTime();
			assertThat(waited).as("pause before attempt %d", i + 1).isGreaterThanOrEqualTo(990);
		}
	}

	@Test
	void persistentRateLimitingMakesDropboxUnavailableAfterTheAttempts() {
		this.dropbox.failAlways("/2/files/list_folder", DropboxStub.tooManyRequests(1));

		assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> this.storage.list(FOLDER));

		assertThat(this.dropbox.requests("/2/files/list_folder")).hasSize(3);
	}

	@Test
	void aPauseLongerThanAllowedIsNotWaitedFor() {
		this.dropbox.failAlways("/2/files/list_folder", DropboxStub.tooManyRequests(600));
		long start = System.nanoTime();

		assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> this.storage.list(FOLDER));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.dropbox.requests("/2/files/list_folder")).hasSize(1);
	}

	@Test
	void anUploadDropboxFailsIsSentAgainAndStoredOnce() throws IOException {
		byte[] bytes = random(2, 5000);
		this.dropbox.failNext("/2/files/upload", 1, DropboxStub.serviceUnavailable());

		StoredFile stored = this.storage.put(FOLDER, "a.pdf", content(bytes));

		assertThat(this.dropbox.requests("/2/files/upload")).hasSize(2);
		assertThat(this.dropbox.files()).containsExactly("/acme/customers/Jane Doe/a.pdf");
		assertThat(read(this.storage.get(stored.key(), 0, -1))).isEqualTo(bytes);
	}

	@Test
	void anExpiredTokenIsRenewedOnceAndTheCallSucceeds() {
		StoredFile stored = this.storage.put(FOLDER, "a.pdf", content(random(3, 10)));
		this.dropbox.expire(this.tokens.current());

		assertThat(this.storage.stat(stored.key())).isPresent();
		assertThat(this.storage.list(FOLDER)).hasSize(1);

		assertThat(this.tokens.renewals()).isOne();
	}

	@Test
	void aTokenStillRefusedAfterRenewalMeansTheConnectionNoLongerWorks() {
		this.tokens.renewWithExpiredTokens();
		this.dropbox.expire(this.tokens.current());

		assertThatExceptionOfType(StorageRefusedException.class).isThrownBy(() -> this.storage.list(FOLDER))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_AUTHORIZED));
		assertThat(this.tokens.renewals()).isOne();
	}

	@Test
	void aRevokedTokenIsNotAuthorizedWithoutRenewing() {
		this.dropbox.revoke(this.tokens.current());

		assertThatExceptionOfType(StorageRefusedException.class)
			.isThrownBy(() -> this.storage.put(FOLDER, "a.pdf", content(random(4, 10))))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.NOT_AUTHORIZED);
				assertThat(ex.getMessage()).contains("connect Dropbox again");
				assertThat(ex.getMessage()).doesNotContain(this.tokens.current());
			});
		assertThat(this.tokens.renewals()).isZero();
		assertThat(this.dropbox.requests("/2/files/upload")).hasSize(1);
	}

	@Test
	void namesDropboxRefusesAreNotAllowedAndLeaveNothing() {
		assertThatExceptionOfType(StorageRefusedException.class)
			.isThrownBy(() -> this.storage.put(FOLDER, "draft.", content(random(5, 10))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NAME_NOT_ALLOWED));
		assertThatExceptionOfType(StorageRefusedException.class)
			.isThrownBy(() -> this.storage.put(FOLDER, "scan.tiff ", content(random(6, 2 * CHUNK + 5))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NAME_NOT_ALLOWED));

		assertThat(this.dropbox.files()).isEmpty();
		assertThat(this.dropbox.requests("/2/files/upload")).hasSize(1);
		assertThat(this.dropbox.requests("/2/files/upload_session/finish")).hasSize(1);
	}

	@Test
	void aFileWhereAFolderShouldBeIsNotAllowedRatherThanNumberedForever() {
		this.dropbox.write("/acme/customers", random(7, 10));

		assertThatExceptionOfType(StorageRefusedException.class)
			.isThrownBy(() -> this.storage.put(FOLDER, "a.pdf", content(random(8, 10))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NAME_NOT_ALLOWED));
		assertThat(this.dropbox.requests("/2/files/upload")).hasSize(1);
	}

	@Test
	void aFolderCannotBeEnsuredWhereAFileIs() {
		this.dropbox.write("/acme/customers/Jane Doe", random(7, 10));

		assertThatExceptionOfType(StorageRefusedException.class).isThrownBy(() -> this.storage.ensureFolder(FOLDER))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NAME_NOT_ALLOWED));
	}

	@Test
	void aFullAccountIsFull() {
		this.dropbox.quota(1000);

		assertThatExceptionOfType(StorageRefusedException.class)
			.isThrownBy(() -> this.storage.put(FOLDER, "a.pdf", content(random(9, 1001))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.FULL));
		assertThat(this.dropbox.files()).isEmpty();
	}

	@Test
	void listingsAndChangesSpanSeveralPages() {
		this.dropbox.pageSize(2);
		for (int i = 1; i <= 5; i++) {
			this.storage.put(FOLDER, "file " + i + ".pdf", content(random(i, 10)));
		}
		this.storage.put(List.of("acme", "customers", "Jane Doe", "Archive"), "old.pdf", content(random(6, 10)));

		assertThat(this.storage.list(FOLDER)).hasSize(5);
		assertThat(this.dropbox.requests("/2/files/list_folder/continue")).hasSizeGreaterThanOrEqualTo(2);

		FolderChanges complete = this.storage.changes(FOLDER, null);
		assertThat(complete.complete()).isTrue();
		assertThat(complete.files()).hasSize(5);

		for (int i = 6; i <= 9; i++) {
			this.storage.put(FOLDER, "file " + i + ".pdf", content(random(i, 10)));
		}
		FolderChanges delta = this.storage.changes(FOLDER, complete.marker());

		assertThat(delta.complete()).isFalse();
		assertThat(delta.files()).extracting(StoredFile::name)
			.containsExactly("file 6.pdf", "file 7.pdf", "file 8.pdf", "file 9.pdf");
		assertThat(delta.removed()).isEmpty();
		assertThat(this.storage.changes(FOLDER, delta.marker()).isEmpty()).isTrue();
	}

	@Test
	void anExpiredCursorGivesACompleteListing() {
		this.storage.put(FOLDER, "a.pdf", content(random(1, 10)));
		String marker = this.storage.changes(FOLDER, null).marker();
		this.storage.put(FOLDER, "b.pdf", content(random(2, 10)));
		this.dropbox.expireCursors();

		FolderChanges changes = this.storage.changes(FOLDER, marker);

		assertThat(changes.complete()).isTrue();
		assertThat(changes.files()).extracting(StoredFile::name).containsExactlyInAnyOrder("a.pdf", "b.pdf");
	}

	@Test
	void aFolderThatAppearsLaterIsListedFromScratchUntilItExists() {
		FolderChanges missing = this.storage.changes(FOLDER, null);
		assertThat(missing.complete()).isTrue();
		assertThat(missing.files()).isEmpty();

		this.storage.put(FOLDER, "a.pdf", content(random(1, 10)));
		FolderChanges now = this.storage.changes(FOLDER, missing.marker());

		assertThat(now.complete()).isTrue();
		assertThat(now.files()).extracting(StoredFile::name).containsExactly("a.pdf");
	}

	@Test
	void aFileDeletedBetweenListingAndDownloadIsNotFound() {
		this.storage.put(FOLDER, "a.pdf", content(random(1, 10)));
		StoredFile listed = this.storage.list(FOLDER).get(0);
		this.dropbox.remove(listed.key());

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.storage.get(listed.key(), 0, -1));
		assertThat(this.storage.stat(listed.key())).isEmpty();
	}

	@Test
	void contentThatDiffersFromItsChecksumIsNeverCommitted() {
		byte[] small = random(1, 500);
		byte[] large = random(2, 2 * CHUNK + 17);

		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.storage.put(FOLDER, "a.pdf", withChecksumOf(small, random(3, 500))));
		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.storage.put(FOLDER, "b.pdf", withChecksumOf(large, random(4, 10))));

		assertThat(this.dropbox.files()).isEmpty();
		assertThat(this.dropbox.requests("/2/files/upload")).isEmpty();
		assertThat(this.dropbox.requests("/2/files/upload_session/finish")).isEmpty();
	}

	@Test
	void contentLongerThanDeclaredIsRefused() {
		byte[] bytes = random(1, 2 * CHUNK);
		StorageBackend.Content longer = new StorageBackend.Content(CHUNK + 10, sha256(bytes),
				() -> new ByteArrayInputStream(bytes));

		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.storage.put(FOLDER, "a.pdf", longer));
		assertThat(this.dropbox.files()).isEmpty();
	}

	@Test
	void whatDropboxReportsDifferentlyFromWhatWasSentIsRemovedAgain() {
		byte[] bytes = random(1, 100);
		this.dropbox.failNext("/2/files/upload", 1, aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"name\": \"a.pdf\", \"id\": \"id:abc\", \"client_modified\": \"2026-01-01T00:00:00Z\", "
					+ "\"server_modified\": \"2026-01-01T00:00:00Z\", \"rev\": \"0123456789\", \"size\": 100, "
					+ "\"path_lower\": \"/acme/customers/jane doe/a.pdf\", "
					+ "\"path_display\": \"/acme/customers/Jane Doe/a.pdf\", \"content_hash\": \"" + "0".repeat(64)
					+ "\"}"));

		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.storage.put(FOLDER, "a.pdf", content(bytes)));
		assertThat(this.dropbox.requests("/2/files/delete_v2")).hasSize(1);
	}

	@Test
	void theSameContentTwiceIsTwoFiles() {
		byte[] bytes = random(1, 100);

		StoredFile first = this.storage.put(FOLDER, "a.pdf", content(bytes));
		StoredFile second = this.storage.put(FOLDER, "a.pdf", content(bytes));

		assertThat(second.name()).isEqualTo("a (2).pdf");
		assertThat(second.key()).isNotEqualTo(first.key());
	}

	@Test
	void largeFilesGoUpInChunksAndATakenNameIsNumberedAtTheEnd() throws IOException {
		byte[] first = random(1, 2 * CHUNK + 500);
		byte[] second = random(2, 3 * CHUNK);

		this.storage.put(FOLDER, "scan.tiff", content(first));
		StoredFile numbered = this.storage.put(FOLDER, "scan.tiff", content(second));

		assertThat(numbered.name()).isEqualTo("scan (2).tiff");
		assertThat(read(this.storage.get(numbered.key(), 0, -1))).isEqualTo(second);
		assertThat(this.dropbox.requests("/2/files/upload")).isEmpty();
		assertThat(this.dropbox.requests("/2/files/upload_session/start")).hasSize(2);
		assertThat(this.dropbox.requests("/2/files/upload_session/append_v2")).hasSize(2);
		assertThat(this.dropbox.requests("/2/files/upload_session/finish")).hasSize(3);
		assertThat(this.dropbox.requests("/2/files/upload_session/finish").get(2).getBody()).isEmpty();
	}

	@Test
	void rangesPastTheEndAreEmpty() throws IOException {
		StoredFile stored = this.storage.put(FOLDER, "a.pdf", content(random(1, 100)));

		assertThat(read(this.storage.get(stored.key(), 100, -1))).isEmpty();
		assertThat(read(this.storage.get(stored.key(), 500, 10))).isEmpty();
		assertThat(read(this.storage.get(stored.key(), 90, 50))).hasSize(10);
	}

	@Test
	void aKeyThatNowNamesAFolderDoesNotDeleteIt() {
		this.storage.put(List.of("acme", "customers", "Jane Doe", "Archive"), "old.pdf", content(random(1, 10)));

		this.storage.delete("/acme/customers/jane doe/archive");

		assertThat(this.dropbox.files()).containsExactly("/acme/customers/Jane Doe/Archive/old.pdf");
		assertThat(this.dropbox.requests("/2/files/delete_v2")).isEmpty();
	}

	@Test
	void contentHashesCoverEveryBlockWhateverTheChunks() {
		byte[] bytes = random(1, 9 * 1024 * 1024 + 7);
		ContentHash hash = new ContentHash();
		int offset = 0;
		for (int piece : new int[] { 1, 4 * 1024 * 1024, 3 * 1024 * 1024 + 5, 1024 }) {
			hash.update(bytes, offset, piece);
			offset += piece;
		}
		hash.update(bytes, offset, bytes.length - offset);

		assertThat(hash.finish()).isEqualTo(DropboxStub.contentHash(bytes));
		assertThat(ContentHash.of(new byte[0], 0, 0)).isEqualTo(DropboxStub.contentHash(new byte[0]));
	}

	private static StorageBackend.Content content(byte[] bytes) {
		return new StorageBackend.Content(bytes.length, sha256(bytes), () -> new ByteArrayInputStream(bytes));
	}

	private static StorageBackend.Content withChecksumOf(byte[] bytes, byte[] other) {
		return new StorageBackend.Content(bytes.length, sha256(other), () -> new ByteArrayInputStream(bytes));
	}

	private static byte[] random(long seed, int size) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static byte[] read(InputStream in) throws IOException {
		try (in) {
			return in.readAllBytes();
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
