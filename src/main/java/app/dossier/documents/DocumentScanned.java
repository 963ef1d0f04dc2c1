package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The virus scanner judged a document's current bytes: {@code clean}, or infected with
 * what {@code detail} names (then the document is quarantined).
 */
public record DocumentScanned(UUID firmId, UUID clientId, UUID documentId, String name, String sha256, boolean clean,
		@Nullable String detail, DocumentSource source, @Nullable UUID uploadedByStaff,
		@Nullable UUID uploadedByContact, Instant occurredAt) {
}
