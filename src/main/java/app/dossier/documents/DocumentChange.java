package app.dossier.documents;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a document; null leaves a field as it is. {@code notes} and
 * {@code documentDate} are cleared by an empty string; the date is ISO (2026-03-31).
 */
public record DocumentChange(@Nullable String name, @Nullable String notes, @Nullable String documentDate,
		@Nullable Boolean visibleToClient, @Nullable Boolean showOnDashboard) {
}
