package app.dossier.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A client's folders in tree order, each with its depth, for lists and menus. */
public record FolderTree(List<Entry> entries) {

	public static FolderTree of(List<Folder> folders) {
		List<Entry> entries = new ArrayList<>();
		add(folders, null, 0, entries);
		return new FolderTree(List.copyOf(entries));
	}

	private static void add(List<Folder> folders, @Nullable UUID parent, int depth, List<Entry> entries) {
		folders.stream()
			.filter((folder) -> (parent == null) ? folder.parentId() == null : parent.equals(folder.parentId()))
			.sorted(Comparator.comparing((Folder folder) -> folder.name().toLowerCase(java.util.Locale.ROOT)))
			.forEach((folder) -> {
				entries.add(new Entry(folder, depth));
				if (depth < 20) {
					add(folders, folder.id(), depth + 1, entries);
				}
			});
	}

	public record Entry(Folder folder, int depth) {

		/** The name indented for a select menu. */
		public String label() {
			return "\u2003".repeat(this.depth) + this.folder.name();
		}

	}

}
