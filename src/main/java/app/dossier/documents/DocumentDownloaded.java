package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

public record DocumentDownloaded(UUID firmId, UUID clientId, UUID documentId, String name, Actor by,
		Instant occurredAt) {
}
