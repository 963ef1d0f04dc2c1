package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;

/**
 * One field of a document changed: "name", "notes", "documentDate", "visibleToClient" or
 * "showOnDashboard".
 */
public record DocumentChanged(UUID firmId, UUID clientId, UUID documentId, String name, String field,
		@Nullable String oldValue, @Nullable String newValue, Actor by, Instant occurredAt) {
}
