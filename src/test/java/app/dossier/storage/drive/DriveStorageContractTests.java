package app.dossier.storage.drive;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.dossier.storage.StorageBackend;
import app.dossier.storage.StorageContract;
import app.dossier.storage.StoredFile;
import app.dossier.support.DriveStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage contract against an in-memory Google Drive. Uploads go in 1 MiB chunks, so
 * the contract's large file takes Drive's resumable upload and small ones the multipart
 * one.
 */
class DriveStorageContractTests extends StorageContract {

	static final int CHUNK = 1024 * 1024;

	private static DriveStub drive;

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
		this.backend = new DriveStorage(new DriveStub.Tokens(drive), settings(drive));
	}

	static DriveSettings settings(DriveStub drive) {
		return DriveSettings.defaults()
			.withRootUrl(drive.rootUrl())
			.withChunkSize(CHUNK)
			.withRetries(3, Duration.ofMillis(5), Duration.ofMillis(50));
	}

	@Override
	protected StorageBackend backend() {
		return this.backend;
	}

	@Override
	protected void overwriteDirectly(StoredFile file, byte[] content) {
		drive.overwrite(file.key(), content);
	}

	@Test
	void largeFilesGoUpInChunksAndSmallOnesAtOnce() {
		List<String> folder = freshFolder();
		drive.forgetRequests();

		this.backend.put(folder, "large.bin", content(random(1, 3 * CHUNK + 5)));
		this.backend.put(folder, "small.bin", content(random(2, CHUNK)));

		assertThat(drive.requests("PUT", "/upload/drive/v3/files")).isEqualTo(4);
		assertThat(drive.requests("POST", "/upload/drive/v3/files")).isEqualTo(2);
		assertThat(drive.openSessions()).isZero();
	}

	@Test
	void storedFilesCarryDriveChecksumAndRevision() {
		byte[] bytes = random(3, 100);

		StoredFile stored = this.backend.put(freshFolder(), "a.pdf", content(bytes));

		assertThat(stored.sha256()).isEqualTo(sha256(bytes));
		assertThat(stored.version()).startsWith("0B");
	}

}
