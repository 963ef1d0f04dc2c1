package app.dossier.matters;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

/**
 * A matter was opened, renamed, retyped, closed or reopened; {@code what} says which, for
 * people.
 */
public record MatterChanged(UUID firmId, UUID clientId, UUID matterId, String name, String what, Actor by,
		Instant occurredAt) {
}
