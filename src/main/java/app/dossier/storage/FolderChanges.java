package app.dossier.storage;

import java.util.List;

/**
 * The answer to "what changed in this folder since my marker?".
 *
 * @param complete true when {@code files} is the whole folder: anything known before and
 * not in it is gone
 * @param files files added or changed (or all files, when complete)
 * @param removed keys of files removed (empty when complete)
 * @param marker what to pass next time
 */
public record FolderChanges(boolean complete, List<StoredFile> files, List<String> removed, String marker) {

	public static FolderChanges unchanged(String marker) {
		return new FolderChanges(false, List.of(), List.of(), marker);
	}

	public boolean isEmpty() {
		return !this.complete && this.files.isEmpty() && this.removed.isEmpty();
	}

}
