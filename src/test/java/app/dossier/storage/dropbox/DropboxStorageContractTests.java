package app.dossier.storage.dropbox;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;

import app.dossier.storage.StorageBackend;
import app.dossier.storage.StorageContract;
import app.dossier.storage.StoredFile;
import app.dossier.support.DropboxStub;
import org.springframework.util.unit.DataSize;

/**
 * The storage contract against the Dropbox stub, with 1 MB chunks so that large files go
 * up in upload sessions, and two entries per listing page so that listings and change
 * feeds are paged.
 */
class DropboxStorageContractTests extends StorageContract {

	private final DropboxStub dropbox = DropboxStub.start();

	private final DropboxStorage backend = new DropboxStorage(new StubTokens(this.dropbox), endpoints(this.dropbox),
			settings(DataSize.ofMegabytes(1)), this.dropbox.httpRequestor());

	DropboxStorageContractTests() {
		this.dropbox.pageSize(2);
	}

	static DropboxEndpoints endpoints(DropboxStub dropbox) {
		return DropboxEndpoints.of(dropbox.apiUri(), dropbox.contentUri());
	}

	/** Three attempts, pauses of up to two seconds: enough for a Retry-After of one. */
	static DropboxSettings settings(DataSize chunkSize) {
		return new DropboxSettings(chunkSize, 3, Duration.ofSeconds(2));
	}

	@AfterEach
	void stop() {
		this.dropbox.close();
	}

	@Override
	protected StorageBackend backend() {
		return this.backend;
	}

	@Override
	protected void overwriteDirectly(StoredFile file, byte[] content) {
		this.dropbox.write(file.key(), content);
	}

}
