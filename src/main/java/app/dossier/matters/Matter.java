package app.dossier.matters;

import java.time.Instant;
import java.util.UUID;

/** An engagement under a client, such as "2025 tax return" of type Tax. */
public record Matter(UUID id, UUID firmId, UUID clientId, String name, String type, MatterStatus status, UUID folderId,
		Instant createdAt) {
}
