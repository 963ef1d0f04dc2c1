package app.dossier.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.core.io.Resource;

/**
 * Stores document bytes under a key that reads as a path:
 * {@code <firm>/<customers-root>/<client-folder>/<file>}. Writing is two-step so a caller
 * can record the file in its database in the same unit of work: {@link #stage} streams
 * the bytes to a temporary place, {@link #commit} moves them into the folder.
 */
public interface FileStorage {

	/**
	 * Streams the content to a temporary file, computing its size and SHA-256.
	 * @throws app.dossier.shared.TooLargeException as soon as more than {@code maxBytes}
	 * arrive; nothing is kept
	 * @throws app.dossier.shared.UnavailableException when storage cannot be written;
	 * nothing is kept
	 * @throws IOException when reading the content fails (the sender went away); nothing
	 * is kept
	 */
	StagedFile stage(InputStream content, long maxBytes) throws IOException;

	/**
	 * Moves a staged file into the folder under the given (already safe) file name, or
	 * under "name (2).ext" and so on if that name is taken. Returns the file's key.
	 */
	String commit(StagedFile staged, List<String> folder, String fileName);

	/** Forgets a staged file that will not be committed. Never throws. */
	void discard(StagedFile staged);

	/** The stored bytes, for streaming out; supports reading from an offset. */
	Resource open(String key);

	/**
	 * Gives a stored file a new (already safe) name in the same folder; returns the new
	 * key.
	 */
	String rename(String key, String fileName);

	/** Removes a stored file. Never throws: a file that cannot be removed is logged. */
	void delete(String key);

}
