package app.dossier.clients;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

/** A contact was added to a client, changed or removed. */
public record ContactsChanged(UUID firmId, UUID clientId, UUID contactId, String contactEmail, Change change, Actor by,
		Instant occurredAt) {

	public enum Change {

		ADDED, CHANGED, REMOVED

	}

}
