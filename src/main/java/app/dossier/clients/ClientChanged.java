package app.dossier.clients;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;

/** One field of a client's details changed ("displayName", "status", …). */
public record ClientChanged(UUID firmId, UUID clientId, String displayName, String field, @Nullable String oldValue,
		@Nullable String newValue, Actor by, Instant occurredAt) {
}
