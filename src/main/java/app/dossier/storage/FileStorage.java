package app.dossier.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.UnavailableException;
import app.dossier.storage.s3.S3Storage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * Document bytes wherever a firm keeps them. Writing is two-step so a caller can record
 * the file in its database in the same unit of work: {@link #stage} streams the bytes to
 * the local staging area while their size and SHA-256 are computed, {@link #commit} files
 * them into a folder on the folder's platform. Keys name the platform they belong to, so
 * every later call finds the right one.
 */
@Service
public class FileStorage {

	private final Staging staging;

	private final DiskStorage disk;

	private final StorageSettings settings;

	private final ObjectProvider<S3Storage> bucket;

	private final ObjectProvider<FirmAccounts> accounts;

	FileStorage(Staging staging, DiskStorage disk, StorageSettings settings, ObjectProvider<S3Storage> bucket,
			ObjectProvider<FirmAccounts> accounts) {
		this.staging = staging;
		this.disk = disk;
		this.settings = settings;
		this.bucket = bucket;
		this.accounts = accounts;
		settings.platform();
	}

	/** Where new client folders of a firm that has not connected an account go. */
	public Platform defaultPlatform() {
		return this.settings.platform();
	}

	/**
	 * Streams the content to the staging area, computing its size and SHA-256.
	 * @throws app.dossier.shared.TooLargeException as soon as more than {@code maxBytes}
	 * arrive; nothing is kept
	 * @throws UnavailableException when storage cannot be written; nothing is kept
	 * @throws IOException when reading the content fails (the sender went away); nothing
	 * is kept
	 */
	public StagedFile stage(InputStream content, long maxBytes) throws IOException {
		return this.staging.stage(content, maxBytes);
	}

	/**
	 * Takes over a whole file that arrived on this server's disk, moving it into the
	 * staging area when it can rather than writing its bytes again.
	 * @param sha256 the file's SHA-256 if it was hashed as it was written, or null
	 * @throws app.dossier.shared.TooLargeException when it is larger than
	 * {@code maxBytes}
	 */
	public StagedFile stage(Path arrived, long maxBytes, @Nullable String sha256) throws IOException {
		return this.staging.adopt(arrived, maxBytes, sha256);
	}

	/** Forgets a staged file that will not be committed. Never throws. */
	public void discard(StagedFile staged) {
		this.staging.discard(staged);
	}

	/**
	 * Files a staged file into the folder under the given (already safe) file name, or
	 * under "name (2).ext" and so on if that name is taken. Returns the file's key.
	 */
	public String commit(StagedFile staged, StorageFolder folder, String fileName) {
		if (folder.platform() == Platform.DISK) {
			return this.disk.adopt(this.staging.file(staged), folder.path(), fileName).key();
		}
		StorageBackend backend = backend(folder.firmId(), folder.platform());
		StorageBackend.Content content = new StorageBackend.Content(staged.size(), staged.sha256(),
				() -> Files.newInputStream(this.staging.file(staged)));
		StoredFile stored;
		try {
			stored = backend.put(folder.path(), fileName, content);
		}
		catch (StorageRefusedException ex) {
			if (ex.reason() != StorageRefusedException.Reason.NAME_NOT_ALLOWED) {
				throw ex;
			}
			// The document keeps its name; only the file in storage gets a plainer one.
			stored = backend.put(folder.path(), FileNames.plainFileName(fileName), content);
		}
		this.staging.discard(staged);
		return StorageKey.of(folder.platform(), stored.key()).toString();
	}

	/** The stored bytes, for streaming out, from any offset. */
	public Resource open(UUID firmId, String key) {
		StorageKey parsed = StorageKey.parse(key);
		if (parsed.platform() == Platform.DISK) {
			FileSystemResource file = new FileSystemResource(this.disk.path(parsed.key()));
			if (!file.isReadable()) {
				throw NotFoundException.saying("The file is missing from storage.");
			}
			return file;
		}
		StorageBackend backend = backend(firmId, parsed.platform());
		StoredFile stored = backend.stat(parsed.key())
			.orElseThrow(() -> NotFoundException.saying("The file is missing from storage."));
		return new StoredResource(backend, stored);
	}

	/** The whole stored file, for reading it through once. */
	public InputStream read(UUID firmId, String key) {
		StorageKey parsed = StorageKey.parse(key);
		return backend(firmId, parsed.platform()).get(parsed.key(), 0, -1);
	}

	/**
	 * Creates a new client's folder on its platform so people can find it there. Never
	 * fails the caller: the folder is also created with the first file.
	 */
	public void ensureFolder(StorageFolder folder) {
		try {
			backend(folder.firmId(), folder.platform()).ensureFolder(folder.path());
		}
		catch (RuntimeException ex) {
			org.slf4j.LoggerFactory.getLogger(FileStorage.class)
				.warn("Could not create a client folder on {}: {}", folder.platform().id(), ex.toString());
		}
	}

	/** The platform a key belongs to. */
	public Platform platformOf(String key) {
		return StorageKey.parse(key).platform();
	}

	/** The file as its platform describes it now, if it is still there. */
	public Optional<StoredFile> stat(UUID firmId, String key) {
		StorageKey parsed = StorageKey.parse(key);
		return backend(firmId, parsed.platform()).stat(parsed.key()).map((file) -> withPlatform(parsed, file));
	}

	/**
	 * Gives a stored file a new (already safe) name in its folder; returns the new key.
	 */
	public String rename(StorageFolder folder, String key, String fileName) {
		StorageKey parsed = StorageKey.parse(key);
		StoredFile moved = backend(folder.firmId(), parsed.platform()).move(parsed.key(), folder.path(), fileName);
		return StorageKey.of(parsed.platform(), moved.key()).toString();
	}

	/**
	 * Copies a stored file into another folder, perhaps on another platform, checking
	 * that the copy has the size and SHA-256 recorded for it. Returns the copy's key.
	 */
	public String copy(UUID firmId, String key, long size, String sha256, StorageFolder target, String fileName) {
		StorageKey parsed = StorageKey.parse(key);
		StorageBackend source = backend(firmId, parsed.platform());
		StoredFile copy = backend(target.firmId(), target.platform()).put(target.path(), fileName,
				new StorageBackend.Content(size, sha256, () -> source.get(parsed.key(), 0, -1)));
		return StorageKey.of(target.platform(), copy.key()).toString();
	}

	/** Removes a stored file. Never throws: a file that cannot be removed is logged. */
	public void delete(UUID firmId, String key) {
		StorageKey parsed = StorageKey.parse(key);
		try {
			backend(firmId, parsed.platform()).delete(parsed.key());
		}
		catch (RuntimeException ex) {
			org.slf4j.LoggerFactory.getLogger(FileStorage.class)
				.warn("Could not delete a file from {}: {}", parsed.platform().id(), ex.toString());
		}
	}

	/** The files directly in the folder, with Dossier's keys. */
	public List<StoredFile> list(StorageFolder folder) {
		StorageKey platform = StorageKey.of(folder.platform(), "");
		return backend(folder.firmId(), folder.platform()).list(folder.path())
			.stream()
			.map((file) -> withPlatform(platform, file))
			.toList();
	}

	/**
	 * What changed in the folder's own level since the marker; keys in the answer are
	 * Dossier's keys.
	 */
	public FolderChanges changes(StorageFolder folder, @Nullable String marker) {
		FolderChanges changes = backend(folder.firmId(), folder.platform()).changes(folder.path(), marker);
		StorageKey any = StorageKey.of(folder.platform(), "");
		return new FolderChanges(changes.complete(),
				changes.files().stream().map((file) -> withPlatform(any, file)).toList(),
				changes.removed().stream().map((key) -> StorageKey.of(folder.platform(), key).toString()).toList(),
				changes.marker());
	}

	private static StoredFile withPlatform(StorageKey platform, StoredFile file) {
		return new StoredFile(StorageKey.of(platform.platform(), file.key()).toString(), file.name(), file.size(),
				file.modified(), file.version(), file.sha256());
	}

	private StorageBackend backend(UUID firmId, Platform platform) {
		return switch (platform) {
			case DISK -> this.disk;
			case S3 -> {
				S3Storage bucket = this.bucket.getIfAvailable();
				if (bucket == null) {
					throw new UnavailableException(
							"These files are in object storage (S3), which this server is not configured for.", null);
				}
				yield bucket;
			}
			case DROPBOX, GOOGLE_DRIVE -> {
				FirmAccounts accounts = this.accounts.getIfAvailable();
				if (accounts == null) {
					throw new StorageRefusedException(StorageRefusedException.Reason.NOT_AUTHORIZED,
							platform.label() + " is not available on this server.");
				}
				yield accounts.backend(firmId, platform);
			}
		};
	}

	/**
	 * A key as stored: the platform's own key, prefixed with the platform unless disk.
	 */
	record StorageKey(Platform platform, String key) {

		static StorageKey of(Platform platform, String key) {
			return new StorageKey(platform, key);
		}

		/**
		 * Disk keys carry no prefix (they were the only kind once); a disk key never
		 * holds a ':' since folder and file names never do.
		 */
		static StorageKey parse(String stored) {
			int colon = stored.indexOf(':');
			if (colon > 0) {
				Optional<Platform> platform = Platform.of(stored.substring(0, colon));
				if (platform.isPresent() && platform.get() != Platform.DISK) {
					return new StorageKey(platform.get(), stored.substring(colon + 1));
				}
			}
			return new StorageKey(Platform.DISK, stored);
		}

		@Override
		public String toString() {
			return (this.platform == Platform.DISK) ? this.key : this.platform.id() + ":" + this.key;
		}

	}

}
