package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;

/** A document was added; {@code uploadedByContact} is set when a customer added it. */
public record DocumentUploaded(UUID firmId, UUID clientId, UUID documentId, String name, long size, String sha256,
		DocumentSource source, boolean visibleToClient, @Nullable UUID uploadedByContact, Actor by,
		Instant occurredAt) {
}
