package app.dossier.storage.drive;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which files a folder held as of each change marker handed out. Drive's change feed says
 * where a file is now, not where it was: a file moved from the folder to another shows up
 * with only its new parent. Knowing the folder's files as of the marker tells "moved out"
 * from "changed somewhere else". Kept in memory for a bounded number of markers; a marker
 * whose snapshot is gone is answered with a complete listing.
 */
final class FolderSnapshots {

	private static final int KEPT = 256;

	private final Map<String, Set<String>> snapshots = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
			return size() > KEPT;
		}

	};

	/** Keeps the file keys and answers the id to recall them by. */
	String remember(Set<String> keys) {
		String id = UUID.randomUUID().toString().replace("-", "");
		synchronized (this.snapshots) {
			this.snapshots.put(id, Set.copyOf(keys));
		}
		return id;
	}

	@Nullable Set<String> recall(String id) {
		synchronized (this.snapshots) {
			return this.snapshots.get(id);
		}
	}

}
