package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A folder in a client's files. Folders are how documents are organised and shared; a
 * null {@code parentId} is the client's top level. {@code purpose} UPLOADS marks the
 * "Client Uploads" folder every client starts with.
 */
public record Folder(UUID id, UUID firmId, UUID clientId, @Nullable UUID parentId, String name,
		@Nullable String purpose, Instant createdAt) {

	public static final String UPLOADS = "UPLOADS";

	public boolean isUploads() {
		return UPLOADS.equals(this.purpose);
	}

}
