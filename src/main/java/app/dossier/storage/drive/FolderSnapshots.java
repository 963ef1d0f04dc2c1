package app.dossier.storage.drive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which files a folder held as of the change markers handed out for it. Drive's change
 * feed says where a file is now, not where it was: a file moved from the folder to
 * another shows up with only its new parent. Knowing the folder's files as of the marker
 * tells "moved out" from "changed somewhere else".
 *
 * <p>
 * Kept in memory: the last few markers of each folder (a caller may retry with the one
 * before), for a bounded number of folders. A marker whose snapshot is gone (a restart,
 * another instance) is answered with a complete listing.
 */
final class FolderSnapshots {

	private static final int FOLDERS = 2000;

	private static final int PER_FOLDER = 3;

	private final Map<String, Deque<Snapshot>> byFolder = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Deque<Snapshot>> eldest) {
			return size() > FOLDERS;
		}

	};

	/** Keeps the folder's file keys and answers the id to recall them by. */
	String remember(String folderId, Set<String> keys) {
		Snapshot snapshot = new Snapshot(UUID.randomUUID().toString().replace("-", ""), Set.copyOf(keys));
		synchronized (this.byFolder) {
			Deque<Snapshot> kept = this.byFolder.computeIfAbsent(folderId, (id) -> new ArrayDeque<>());
			kept.addFirst(snapshot);
			while (kept.size() > PER_FOLDER) {
				kept.removeLast();
			}
		}
		return snapshot.id();
	}

	@Nullable Set<String> recall(String folderId, String id) {
		synchronized (this.byFolder) {
			Deque<Snapshot> kept = this.byFolder.get(folderId);
			if (kept == null) {
				return null;
			}
			return kept.stream()
				.filter((snapshot) -> snapshot.id().equals(id))
				.findFirst()
				.map(Snapshot::keys)
				.orElse(null);
		}
	}

	private record Snapshot(String id, Set<String> keys) {
	}

}
