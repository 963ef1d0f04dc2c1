package app.dossier.documents;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which part of what a contact sees ({@link CustomerView}) to list: all of it, the
 * documents in some folders, those outside every folder the contact sees (the top of
 * their Files page), or those pinned to their dashboard; and, when {@code text} is not
 * blank, only names containing it (compared as {@code Text.searchable} folds them).
 */
public record SeenFilter(Where where, Set<UUID> folders, @Nullable String text) {

	public enum Where {

		EVERYWHERE, IN_FOLDERS, TOP_LEVEL, PINNED

	}

	public SeenFilter {
		folders = Set.copyOf(folders);
	}

	public static SeenFilter everywhere(@Nullable String text) {
		return new SeenFilter(Where.EVERYWHERE, Set.of(), text);
	}

	public static SeenFilter inFolders(Set<UUID> folders) {
		return new SeenFilter(Where.IN_FOLDERS, folders, null);
	}

	public static SeenFilter topLevel() {
		return new SeenFilter(Where.TOP_LEVEL, Set.of(), null);
	}

	public static SeenFilter pinned() {
		return new SeenFilter(Where.PINNED, Set.of(), null);
	}

	boolean searching() {
		return this.text != null && !this.text.isBlank();
	}

}
