package app.dossier.sharing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A folder or a document (exactly one of the two) shared with one contact. */
public record Share(UUID id, UUID firmId, UUID clientId, UUID contactId, @Nullable UUID folderId,
		@Nullable UUID documentId, Permission permission, Instant createdAt) {
}
