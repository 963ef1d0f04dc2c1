package app.dossier.documents;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a document; null leaves a field as it is. {@code notes} and
 * {@code documentDate} are cleared by an empty string; the date is ISO (2026-03-31).
 * {@code folderId} moves the document; an empty string moves it to the client's top
 * level.
 */
public record DocumentChange(@Nullable String name, @Nullable String notes, @Nullable String documentDate,
		@Nullable Boolean visibleToClient, @Nullable Boolean showOnDashboard, @Nullable String folderId) {

	public static DocumentChange flags(@Nullable Boolean visibleToClient, @Nullable Boolean showOnDashboard) {
		return new DocumentChange(null, null, null, visibleToClient, showOnDashboard, null);
	}

}
