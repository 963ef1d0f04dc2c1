package app.dossier.storage.drive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import org.jspecify.annotations.Nullable;

/**
 * Folder names to Drive folder ids. Drive finds folders by name under a parent, starting
 * at My Drive's root; ids are remembered (a bounded number) and checked before use, since
 * a person may delete, rename or move a folder in Drive at any time.
 */
final class DriveFolders {

	private static final int REMEMBERED = 1000;

	private static final String ROOT = "root";

	private final DriveRequests requests;

	private final Map<List<String>, Folder> known = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<List<String>, Folder> eldest) {
			return size() > REMEMBERED;
		}

	};

	// Drive happily holds two folders of one name side by side: within this process,
	// only one thread at a time looks for a given folder and creates it if missing.
	private final Object[] creating = new Object[64];

	private volatile @Nullable String rootId;

	DriveFolders(DriveRequests requests) {
		this.requests = requests;
		Arrays.setAll(this.creating, (i) -> new Object());
	}

	/** The folder's id, if it exists. */
	Optional<String> find(List<String> path) {
		return Optional.ofNullable(resolve(path, false));
	}

	/** The folder's id, creating it and any missing parents. */
	String findOrCreate(List<String> path) {
		return Objects.requireNonNull(resolve(path, true));
	}

	/** Forgets what is remembered about the folder and those below it. */
	void forget(List<String> path) {
		synchronized (this.known) {
			this.known.keySet().removeIf((key) -> startsWith(key, path));
		}
	}

	private @Nullable String resolve(List<String> path, boolean create) {
		if (path.isEmpty()) {
			return rootId();
		}
		List<String> names = List.copyOf(path);
		int depth = names.size();
		String parent = ROOT;
		int start = 0;
		// Start below the deepest remembered folder that is still where it was.
		for (int i = depth; i > 0; i--) {
			List<String> prefix = names.subList(0, i);
			Folder folder = remembered(prefix);
			if (folder != null) {
				if (stillThere(folder, prefix.get(i - 1))) {
					parent = folder.id();
					start = i;
					break;
				}
				forget(prefix);
			}
		}
		for (int i = start; i < depth; i++) {
			Folder folder = child(parent, names.get(i), create);
			if (folder == null) {
				return null;
			}
			remember(names.subList(0, i + 1), folder);
			parent = folder.id();
		}
		return parent;
	}

	private @Nullable Folder child(String parentId, String name, boolean create) {
		if (!create) {
			return this.requests.run("look up a folder", () -> lookUp(parentId, name));
		}
		synchronized (this.creating[Math.floorMod(Objects.hash(parentId, name), this.creating.length)]) {
			// Looking again before creating, within one attempt, means a retried creation
			// whose first answer was lost finds the folder instead of making a second
			// one.
			return this.requests.run("create a folder", () -> {
				Folder existing = lookUp(parentId, name);
				if (existing != null) {
					return existing;
				}
				File created = this.requests.drive()
					.files()
					.create(new File().setName(name).setMimeType(DriveQuery.FOLDER).setParents(List.of(parentId)))
					.setFields("id,parents")
					.execute();
				return new Folder(created.getId(), parents(created));
			});
		}
	}

	private @Nullable Folder lookUp(String parentId, String name) throws IOException {
		// The oldest of several same-named folders, so that every caller settles on one.
		FileList found = this.requests.drive()
			.files()
			.list()
			.setQ(DriveQuery.folderNamed(parentId, name))
			.setOrderBy("createdTime")
			.setPageSize(10)
			.setFields("files(id,parents)")
			.execute();
		List<File> files = (found.getFiles() != null) ? found.getFiles() : List.of();
		return files.isEmpty() ? null : new Folder(files.get(0).getId(), parents(files.get(0)));
	}

	private boolean stillThere(Folder folder, String name) {
		try {
			File now = this.requests.run("look up a folder",
					() -> this.requests.drive()
						.files()
						.get(folder.id())
						.setFields("id,name,mimeType,parents,trashed")
						.execute());
			return !Boolean.TRUE.equals(now.getTrashed()) && DriveQuery.FOLDER.equals(now.getMimeType())
					&& name.equals(now.getName()) && parents(now).equals(folder.parents());
		}
		catch (app.dossier.shared.NotFoundException gone) {
			return false;
		}
	}

	private String rootId() {
		String id = this.rootId;
		if (id == null) {
			id = this.requests.run("look up My Drive",
					() -> this.requests.drive().files().get(ROOT).setFields("id").execute().getId());
			this.rootId = id;
		}
		return id;
	}

	private @Nullable Folder remembered(List<String> path) {
		synchronized (this.known) {
			return this.known.get(path);
		}
	}

	private void remember(List<String> path, Folder folder) {
		synchronized (this.known) {
			this.known.put(List.copyOf(path), folder);
		}
	}

	private static boolean startsWith(List<String> path, List<String> prefix) {
		return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
	}

	private static List<String> parents(File file) {
		return (file.getParents() != null) ? new ArrayList<>(file.getParents()) : List.of();
	}

	/** A folder as found: its parents tell whether someone moved it since. */
	private record Folder(String id, List<String> parents) {
	}

}
