package app.dossier.clients;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

/** Staff granted (or granted again) or revoked a contact's portal access. */
public record PortalAccessChanged(UUID firmId, UUID clientId, UUID contactId, String email, String name,
		boolean granted, Actor by, Instant occurredAt) {
}
