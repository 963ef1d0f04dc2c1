package app.dossier.storage;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The disk store, on a fresh folder per test. */
class DiskStorageContractTests extends StorageContract {

	@TempDir
	Path root;

	private DiskStorage disk;

	@BeforeEach
	void createStorage() {
		StorageSettings settings = new StorageSettings(this.root, "disk");
		this.disk = new DiskStorage(settings, new Staging(settings));
	}

	@Override
	protected StorageBackend backend() {
		return this.disk;
	}

	@Override
	protected void overwriteDirectly(StoredFile file, byte[] content) throws Exception {
		Files.write(this.root.resolve(file.key()), content);
	}

}
