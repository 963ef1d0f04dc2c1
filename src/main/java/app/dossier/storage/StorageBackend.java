package app.dossier.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One place document bytes can live: a local disk, an S3 bucket, a firm's own Dropbox or
 * Google Drive. Every backend passes the same contract tests, so the rest of Dossier
 * never asks which one it is talking to.
 *
 * <p>
 * A folder is a list of already safe names ({@code ["acme", "customers", "Jane Doe"]});
 * each backend decides how that maps onto its own paths. A key is whatever the backend
 * needs to find a file again (a path, an object key, a Drive file id): callers store it
 * and never take it apart.
 *
 * <p>
 * Failures: {@link app.dossier.shared.NotFoundException} for a key that names nothing,
 * {@link app.dossier.shared.UnavailableException} when the platform cannot be reached or
 * keeps failing after its retries, {@link StorageRefusedException} when the platform
 * refuses for a reason retrying will not mend (a revoked authorisation, a full account).
 */
public interface StorageBackend {

	/**
	 * Stores the content in the folder (created if missing) under the file name, or under
	 * "name (2).ext" and so on if that name is taken, and checks that what arrived has
	 * the given size and SHA-256. All or nothing: when it throws, no file is left behind.
	 */
	StoredFile put(List<String> folder, String fileName, Content content);

	/**
	 * The bytes from {@code offset}, at most {@code length} of them ({@code -1}: to the
	 * end). The caller closes the stream.
	 */
	InputStream get(String key, long offset, long length);

	/** Removes the file; a key that names nothing any more is not an error. */
	void delete(String key);

	/**
	 * Moves the file to the folder (created if missing) under the file name, numbered as
	 * {@link #put} does if that name is taken; returns where it is now.
	 */
	StoredFile move(String key, List<String> folder, String fileName);

	/**
	 * The files directly in the folder, not those in sub-folders; empty if the folder
	 * does not exist.
	 */
	List<StoredFile> list(List<String> folder);

	/** The file the key names, if it is still there. */
	Optional<StoredFile> stat(String key);

	/**
	 * What changed in the folder's own level since the marker of an earlier call. Without
	 * a marker, or when the platform cannot answer from it, the answer is a full listing
	 * ({@link FolderChanges#complete()}).
	 */
	FolderChanges changes(List<String> folder, @Nullable String marker);

	/**
	 * Creates the folder (and those above it) where the platform has folders, so people
	 * find a new client's folder and can drop files into it before Dossier writes any.
	 * Platforms without folders (object storage) have nothing to do.
	 */
	default void ensureFolder(List<String> folder) {
	}

	/** Bytes to store, with the size and SHA-256 (lower-case hex) they must have. */
	record Content(long size, String sha256, Source source) {

		/** Reopens the bytes from the start, so a failed transfer can be tried again. */
		@FunctionalInterface
		public interface Source {

			InputStream open() throws IOException;

		}

	}

}
