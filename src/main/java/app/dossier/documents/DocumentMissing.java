package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

/**
 * The document's file was found gone from storage (deleted there directly). The document
 * stays, with its details and history, but customers no longer see it.
 */
public record DocumentMissing(UUID firmId, UUID clientId, UUID documentId, String name, Actor by, Instant occurredAt) {
}
