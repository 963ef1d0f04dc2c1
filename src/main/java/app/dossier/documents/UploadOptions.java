package app.dossier.documents;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Metadata given with an upload, applied to every file in it; a null {@code folderId} is
 * the client's top level. A null {@code visibleToClient} means the firm's default.
 */
public record UploadOptions(@Nullable String notes, @Nullable LocalDate documentDate, @Nullable Boolean visibleToClient,
		boolean showOnDashboard, @Nullable UUID folderId) {

	public static final UploadOptions DEFAULTS = new UploadOptions(null, null, null, false, null);

}
