package app.dossier.storage.drive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.UnavailableException;
import app.dossier.storage.FolderChanges;
import app.dossier.storage.StorageBackend.Content;
import app.dossier.storage.StorageRefusedException;
import app.dossier.storage.StorageRefusedException.Reason;
import app.dossier.storage.StoredFile;
import app.dossier.support.DriveStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What Google Drive does that a disk does not: rate limits, expiring and revoked tokens,
 * names with "/" and names twice in one folder, paged answers, files moved away or
 * deleted by a person, damaged uploads, a full account.
 */
class DriveStorageFaultsTests {

	private static final int CHUNK = DriveStorageContractTests.CHUNK;

	private static DriveStub drive;

	private DriveStub.Tokens tokens;

	private DriveStorage backend;

	@BeforeAll
	static void startDrive() {
		drive = new DriveStub();
	}

	@AfterAll
	static void stopDrive() {
		drive.close();
	}

	@BeforeEach
	void connect() {
		this.tokens = new DriveStub.Tokens(drive);
		this.backend = new DriveStorage(this.tokens, DriveStorageContractTests.settings(drive));
		drive.forgetRequests();
	}

	@AfterEach
	void calmDrive() {
		drive.clearFaults();
		drive.maxPageSize(1000);
		drive.quota(Long.MAX_VALUE);
	}

	// Busy Drive

	@Test
	void tooManyRequestsAreWaitedOutAsLongAsDriveAsks() {
		List<String> folder = folderWith("a.pdf");
		DriveStorage patient = new DriveStorage(this.tokens,
				DriveStorageContractTests.settings(drive).withRetries(3, Duration.ofMillis(5), Duration.ofSeconds(5)));
		drive.failNext(1, DriveStub.tooManyRequests(1));

		long start = System.nanoTime();
		List<StoredFile> files = patient.list(folder);

		assertThat(files).extracting(StoredFile::name).containsExactly("a.pdf");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void aRetryAfterLongerThanTheLongestWaitIsCutShort() {
		List<String> folder = folderWith("a.pdf");
		drive.failNext(1, DriveStub.tooManyRequests(3600));

		long start = System.nanoTime();
		assertThat(this.backend.list(folder)).hasSize(1);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void rateLimitReasonsOnA403AreWaitedOut() {
		List<String> folder = folderWith("a.pdf");
		drive.failNext(1, DriveStub.rateLimitExceeded());
		drive.failNext(1, DriveStub.userRateLimitExceeded());

		assertThat(this.backend.list(folder)).extracting(StoredFile::name).containsExactly("a.pdf");
	}

	@Test
	void serverErrorsAreWaitedOut() {
		List<String> folder = folderWith("a.pdf");
		drive.failNext(2, DriveStub.backendError());

		assertThat(this.backend.list(folder)).hasSize(1);
	}

	@Test
	void aDriveThatStaysBusyIsUnavailableAfterThreeTries() {
		List<String> folder = folderWith("a.pdf");
		drive.forgetRequests();
		drive.failAlways(DriveStub.tooManyRequests(null));

		assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> this.backend.list(folder))
			.withMessageContaining("Google Drive is busy");
		assertThat(drive.requests("/drive/v3/.*")).isEqualTo(3);
	}

	@Test
	void aFailingDriveIsUnavailable() {
		drive.failAlways(DriveStub.rateLimitExceeded());
		assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> this.backend.list(freshFolder()));
		drive.clearFaults();

		drive.failAlways(DriveStub.backendError());
		assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> this.backend.stat("1abc"));
	}

	@Test
	void aFullDriveRefusesAndKeepsNothing() {
		List<String> folder = freshFolder();
		this.backend.put(folder, "first.pdf", content(random(1, 10)));
		int files = drive.fileCount();
		drive.quota(0);

		assertThatExceptionOfType(StorageRefusedException.class)
			.isThrownBy(() -> this.backend.put(folder, "big.bin", content(random(2, 2 * CHUNK + 1))))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.FULL));
		assertThatExceptionOfType(StorageRefusedException.class)
			.isThrownBy(() -> this.backend.put(folder, "small.pdf", content(random(3, 100))))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.FULL));
		assertThat(drive.fileCount()).isEqualTo(files);
	}

	// Tokens

	@Test
	void anExpiredTokenIsRenewedOnceAndTheRequestGoesThrough() {
		List<String> folder = folderWith("a.pdf");
		this.tokens.expire();

		assertThat(this.backend.list(folder)).hasSize(1);
		assertThat(this.tokens.renewals()).isEqualTo(1);
		assertThat(this.backend.list(folder)).hasSize(1);
		assertThat(this.tokens.renewals()).isEqualTo(1);
	}

	@Test
	void aRevokedConnectionIsRefusedWithoutRenewingAgainAndAgain() {
		List<String> folder = folderWith("a.pdf");
		this.tokens.revoke();

		assertThatExceptionOfType(StorageRefusedException.class).isThrownBy(() -> this.backend.list(folder))
			.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.NOT_AUTHORIZED));
		assertThat(this.tokens.renewals()).isEqualTo(1);
	}

	@Test
	void aTokenDriveStillRefusesAfterRenewalMeansReconnecting() {
		List<String> folder = folderWith("a.pdf");
		drive.refuseAllTokens();
		try {
			assertThatExceptionOfType(StorageRefusedException.class).isThrownBy(() -> this.backend.list(folder))
				.withMessageContaining("administrator needs to reconnect Google Drive")
				.satisfies((refused) -> assertThat(refused.reason()).isEqualTo(Reason.NOT_AUTHORIZED));
			assertThat(this.tokens.renewals()).isEqualTo(1);
		}
		finally {
			drive.acceptTokensAgain();
		}
	}

	// Names

	@Test
	void aNameWithASlashIsListedAsItIsAndReadByItsId() throws IOException {
		List<String> folder = freshFolder();
		byte[] bytes = random(4, 300);
		String id = drive.createFile(folderId(folder), "Q1/Q2 report.pdf", bytes);

		assertThat(this.backend.list(folder)).singleElement().satisfies((file) -> {
			assertThat(file.name()).isEqualTo("Q1/Q2 report.pdf");
			assertThat(file.key()).isEqualTo(id);
		});
		assertThat(read(this.backend.get(id, 0, -1))).isEqualTo(bytes);
	}

	@Test
	void twoFilesOfOneNameAreTwoFilesAndANewOneIsNumbered() {
		List<String> folder = freshFolder();
		String first = drive.createFile(folderId(folder), "scan.pdf", random(5, 10));
		String second = drive.createFile(folderId(folder), "scan.pdf", random(6, 10));

		assertThat(this.backend.list(folder)).extracting(StoredFile::key).containsExactlyInAnyOrder(first, second);
		assertThat(this.backend.put(folder, "scan.pdf", content(random(7, 10))).name()).isEqualTo("scan (2).pdf");
	}

	@Test
	void quotesAndBackslashesInNamesAreSearchedForSafely() {
		List<String> folder = freshFolder();
		String name = "O'Brien \\ d'Arcy.pdf";

		StoredFile first = this.backend.put(folder, name, content(random(8, 10)));
		StoredFile second = this.backend.put(folder, name, content(random(9, 10)));

		assertThat(first.name()).isEqualTo(name);
		assertThat(second.name()).isEqualTo("O'Brien \\ d'Arcy (2).pdf");
	}

	@Test
	void uploadsOfOneNameAtOnceEndUpWithDistinctNames() throws Exception {
		List<String> folder = freshFolder();
		this.backend.put(folder, "first.pdf", content(random(1, 10)));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<StoredFile>> puts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				byte[] bytes = random(20 + i, 1000);
				Callable<StoredFile> put = () -> this.backend.put(folder, "scan.pdf", content(bytes));
				puts.add(pool.submit(put));
			}
			List<String> names = new ArrayList<>();
			for (Future<StoredFile> put : puts) {
				names.add(put.get().name());
			}
			assertThat(names).containsExactlyInAnyOrder("scan.pdf", "scan (2).pdf", "scan (3).pdf", "scan (4).pdf");
		}
		finally {
			pool.shutdownNow();
		}
	}

	// Paging

	@Test
	void listingsSpanSeveralPages() {
		List<String> folder = freshFolder();
		for (int i = 1; i <= 7; i++) {
			this.backend.put(folder, "file-" + i + ".pdf", content(random(i, 10)));
		}
		drive.maxPageSize(2);

		assertThat(this.backend.list(folder)).hasSize(7);
		assertThat(this.backend.put(folder, "file-3.pdf", content(random(9, 10))).name()).isEqualTo("file-3 (2).pdf");
		assertThat(drive.requests("GET", "/drive/v3/files")).isGreaterThan(5);
	}

	@Test
	void theChangeFeedSpansSeveralPages() {
		List<String> folder = freshFolder();
		this.backend.put(folder, "before.pdf", content(random(1, 10)));
		drive.maxPageSize(2);
		String marker = this.backend.changes(folder, null).marker();
		for (int i = 1; i <= 5; i++) {
			this.backend.put(folder, "file-" + i + ".pdf", content(random(i, 10)));
		}
		drive.forgetRequests();

		FolderChanges changes = this.backend.changes(folder, marker);

		assertThat(changes.complete()).isFalse();
		assertThat(changes.files()).extracting(StoredFile::name)
			.containsExactlyInAnyOrder("file-1.pdf", "file-2.pdf", "file-3.pdf", "file-4.pdf", "file-5.pdf");
		assertThat(drive.requests("GET", "/drive/v3/changes")).isGreaterThanOrEqualTo(3);
		assertThat(this.backend.changes(folder, changes.marker()).isEmpty()).isTrue();
	}

	// Changes made by people in Drive

	@Test
	void aFileMovedOutOfTheFolderIsReportedRemoved() {
		List<String> folder = freshFolder();
		StoredFile moved = this.backend.put(folder, "moved.pdf", content(random(1, 10)));
		StoredFile stays = this.backend.put(folder, "stays.pdf", content(random(2, 10)));
		String marker = this.backend.changes(folder, null).marker();
		drive.move(moved.key(), folderId(freshFolder()));

		FolderChanges changes = this.backend.changes(folder, marker);

		assertThat(changes.complete()).isFalse();
		assertThat(changes.removed()).containsExactly(moved.key());
		assertThat(changes.files()).isEmpty();
		assertThat(this.backend.list(folder)).extracting(StoredFile::key).containsExactly(stays.key());
	}

	@Test
	void changesElsewhereAreNotReportedAsRemovals() {
		List<String> folder = freshFolder();
		this.backend.put(folder, "here.pdf", content(random(1, 10)));
		String marker = this.backend.changes(folder, null).marker();
		List<String> elsewhere = freshFolder();
		StoredFile other = this.backend.put(elsewhere, "there.pdf", content(random(2, 10)));
		drive.overwrite(other.key(), random(3, 20));
		drive.trash(this.backend.put(elsewhere, "trashed.pdf", content(random(4, 10))).key());

		assertThat(this.backend.changes(folder, marker).isEmpty()).isTrue();
	}

	@Test
	void aMarkerThisProcessDoesNotKnowGetsACompleteListing() {
		List<String> folder = freshFolder();
		StoredFile moved = this.backend.put(folder, "moved.pdf", content(random(1, 10)));
		StoredFile stays = this.backend.put(folder, "stays.pdf", content(random(2, 10)));
		String marker = this.backend.changes(folder, null).marker();
		drive.move(moved.key(), folderId(freshFolder()));

		DriveStorage restarted = new DriveStorage(this.tokens, DriveStorageContractTests.settings(drive));
		FolderChanges changes = restarted.changes(folder, marker);

		assertThat(changes.complete()).isTrue();
		assertThat(changes.files()).extracting(StoredFile::key).containsExactly(stays.key());
		assertThat(restarted.changes(folder, "not a marker").complete()).isTrue();
	}

	@Test
	void aChangeTokenDriveNoLongerKnowsGetsACompleteListing() {
		List<String> folder = freshFolder();
		this.backend.put(folder, "a.pdf", content(random(1, 10)));
		String marker = this.backend.changes(folder, null).marker();
		drive.failNext("/drive/v3/changes", 1, DriveStub.googleError(400, "global", "invalid", "Invalid Value"));

		FolderChanges changes = this.backend.changes(folder, marker);

		assertThat(changes.complete()).isTrue();
		assertThat(changes.files()).extracting(StoredFile::name).containsExactly("a.pdf");
	}

	@Test
	void trashedFilesAreGone() {
		List<String> folder = freshFolder();
		StoredFile file = this.backend.put(folder, "a.pdf", content(random(1, 10)));
		String marker = this.backend.changes(folder, null).marker();
		drive.trash(file.key());

		assertThat(this.backend.stat(file.key())).isEmpty();
		assertThat(this.backend.list(folder)).isEmpty();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.backend.get(file.key(), 0, -1));
		assertThat(this.backend.changes(folder, marker).removed()).containsExactly(file.key());
	}

	@Test
	void googleDocsAndFoldersAreNotFiles() {
		List<String> folder = freshFolder();
		drive.createFile(folderId(folder), "Notes", "application/vnd.google-apps.document", new byte[0]);
		drive.createFolder(folderId(folder), "Archive");

		assertThat(this.backend.list(folder)).isEmpty();
		assertThat(this.backend.changes(folder, null).files()).isEmpty();
	}

	@Test
	void aFileDeletedBetweenListingAndReadingIsNotFound() {
		List<String> folder = freshFolder();
		this.backend.put(folder, "a.pdf", content(random(1, 10)));
		StoredFile listed = this.backend.list(folder).get(0);
		drive.delete(listed.key());

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.backend.get(listed.key(), 0, -1));
		assertThat(this.backend.stat(listed.key())).isEmpty();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.backend.move(listed.key(), folder, "b.pdf"));
	}

	@Test
	void aFolderDeletedInDriveIsCreatedAgainOnTheNextUpload() {
		List<String> folder = freshFolder();
		this.backend.put(folder, "a.pdf", content(random(1, 10)));
		String before = folderId(folder);
		drive.delete(before);

		StoredFile again = this.backend.put(folder, "b.pdf", content(random(2, 10)));

		assertThat(folderId(folder)).isNotEqualTo(before);
		assertThat(this.backend.list(folder)).extracting(StoredFile::key).containsExactly(again.key());
	}

	@Test
	void aFolderRenamedOrTrashedInDriveIsNoLongerUsed() {
		List<String> renamed = freshFolder();
		this.backend.put(renamed, "a.pdf", content(random(1, 10)));
		drive.rename(folderId(renamed), "Jane Doe (old)");
		assertThat(this.backend.list(renamed)).isEmpty();

		List<String> trashed = freshFolder();
		this.backend.put(trashed, "a.pdf", content(random(1, 10)));
		drive.trash(folderId(trashed));
		assertThat(this.backend.list(trashed)).isEmpty();
		StoredFile again = this.backend.put(trashed, "b.pdf", content(random(2, 10)));
		assertThat(this.backend.list(trashed)).extracting(StoredFile::key).containsExactly(again.key());
	}

	// Uploads

	@Test
	void aWrongChecksumIsRefusedAndLeavesNothingInDrive() {
		List<String> folder = freshFolder();
		this.backend.put(folder, "first.pdf", content(random(1, 10)));
		int files = drive.fileCount();

		for (int size : new int[] { 500, 3 * CHUNK + 7 }) {
			byte[] bytes = random(2, size);
			Content wrong = new Content(size, sha256(random(3, size)), () -> new ByteArrayInputStream(bytes));
			assertThatExceptionOfType(UnavailableException.class)
				.isThrownBy(() -> this.backend.put(folder, "wrong.bin", wrong))
				.withMessageContaining("SHA-256");
		}

		assertThat(drive.fileCount()).isEqualTo(files);
		assertThat(drive.openSessions()).isZero();
		assertThat(this.backend.list(folder)).extracting(StoredFile::name).containsExactly("first.pdf");
	}

	@Test
	void contentLongerThanDeclaredIsRefused() {
		List<String> folder = freshFolder();
		byte[] bytes = random(2, 2 * CHUNK + 10);
		Content longer = new Content(2 * CHUNK, sha256(bytes), () -> new ByteArrayInputStream(bytes));

		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.backend.put(folder, "a.bin", longer))
			.withMessageContaining("more than");
		assertThat(this.backend.list(folder)).isEmpty();
		assertThat(drive.openSessions()).isZero();
	}

	@Test
	void bytesDamagedOnTheWayAreRemovedAgain() {
		List<String> folder = freshFolder();
		int files = drive.fileCount();

		drive.corruptNextUpload();
		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.backend.put(folder, "a.pdf", content(random(1, 100))))
			.withMessageContaining("different bytes");
		drive.corruptNextUpload();
		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.backend.put(folder, "b.bin", content(random(2, 2 * CHUNK + 3))));

		assertThat(drive.fileCount()).isEqualTo(files);
	}

	@Test
	void aResumableUploadGoesOnWhereItStoppedAfterAFailedChunk() throws IOException {
		List<String> folder = freshFolder();
		byte[] bytes = random(3, 3 * CHUNK + 11);
		drive.failNextChunk(CHUNK, 1, DriveStub.backendError());
		drive.failNextChunk(2 * CHUNK, 1, DriveStub.tooManyRequests(0));

		StoredFile stored = this.backend.put(folder, "big.bin", content(bytes));

		assertThat(read(this.backend.get(stored.key(), 0, -1))).isEqualTo(bytes);
		assertThat(stored.sha256()).isEqualTo(sha256(bytes));
		// Four chunks, two refused, and after each refusal one question about what
		// arrived.
		assertThat(drive.requests("PUT", "/upload/drive/v3/files")).isEqualTo(8);
	}

	@Test
	void aSmallUploadWhoseAnswerWasLostIsNotStoredTwice() {
		List<String> folder = freshFolder();
		this.backend.put(folder, "first.pdf", content(random(1, 10)));
		int files = drive.fileCount();
		drive.loseAnswer("POST", "/upload/drive/v3/files", 1);

		StoredFile stored = this.backend.put(folder, "a.pdf", content(random(2, 100)));

		assertThat(stored.name()).isEqualTo("a.pdf");
		assertThat(this.backend.list(folder)).extracting(StoredFile::name)
			.containsExactlyInAnyOrder("first.pdf", "a.pdf");
		assertThat(drive.fileCount()).isEqualTo(files + 1);
	}

	@Test
	void aResumableUploadWhoseAnswersWereLostAsksWhatArrived() throws IOException {
		List<String> folder = freshFolder();
		byte[] bytes = random(4, 2 * CHUNK + 9);
		// The answers to the first chunk and to the last one.
		drive.loseAnswer("PUT", "/upload/drive/v3/files", 1);
		drive.loseAnswer("PUT", "/upload/drive/v3/files", 4);

		StoredFile stored = this.backend.put(folder, "big.bin", content(bytes));

		assertThat(read(this.backend.get(stored.key(), 0, -1))).isEqualTo(bytes);
		assertThat(this.backend.list(folder)).extracting(StoredFile::key).containsExactly(stored.key());
		assertThat(drive.openSessions()).isZero();
	}

	// Helpers

	private List<String> folderWith(String name) {
		List<String> folder = freshFolder();
		this.backend.put(folder, name, content(random(1, 10)));
		return folder;
	}

	private static List<String> freshFolder() {
		return List.of("firm-" + UUID.randomUUID().toString().substring(0, 8), "customers", "Jane Doe");
	}

	/** The folder's Drive id, created directly in Drive if missing. */
	private static String folderId(List<String> folder) {
		return drive.folder(folder).orElseGet(() -> {
			String parent = drive.rootId();
			for (int i = 0; i < folder.size(); i++) {
				String existing = drive.folder(folder.subList(0, i + 1)).orElse(null);
				parent = (existing != null) ? existing : drive.createFolder(parent, folder.get(i));
			}
			return parent;
		});
	}

	private static Content content(byte[] bytes) {
		return new Content(bytes.length, sha256(bytes), () -> new ByteArrayInputStream(bytes));
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
