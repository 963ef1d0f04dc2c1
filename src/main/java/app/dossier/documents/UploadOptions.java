package app.dossier.documents;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Metadata given with an upload, applied to every file in it. A null
 * {@code visibleToClient} means the firm's default.
 */
public record UploadOptions(@Nullable String notes, @Nullable LocalDate documentDate, @Nullable Boolean visibleToClient,
		boolean showOnDashboard) {

	public static final UploadOptions DEFAULTS = new UploadOptions(null, null, null, false);

}
