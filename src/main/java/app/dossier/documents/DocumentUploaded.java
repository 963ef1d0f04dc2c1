package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

public record DocumentUploaded(UUID firmId, UUID clientId, UUID documentId, String name, long size, String sha256,
		DocumentSource source, boolean visibleToClient, Actor by, Instant occurredAt) {
}
