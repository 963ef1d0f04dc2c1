package app.dossier.clients;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

public record ClientDeleted(UUID firmId, UUID clientId, String displayName, Actor by, Instant occurredAt) {
}
