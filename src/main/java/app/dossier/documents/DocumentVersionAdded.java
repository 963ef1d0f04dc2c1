package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;

/**
 * A document got new bytes: uploaded, or an earlier version restored
 * ({@code restoredFrom}).
 */
public record DocumentVersionAdded(UUID firmId, UUID clientId, UUID documentId, String name, int version, String sha256,
		long size, @Nullable Integer restoredFrom, Actor by, Instant occurredAt) {
}
