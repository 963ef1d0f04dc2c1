package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

public record DocumentDeleted(UUID firmId, UUID clientId, UUID documentId, String name, String sha256, Actor by,
		Instant occurredAt) {
}
