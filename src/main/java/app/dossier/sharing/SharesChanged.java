package app.dossier.sharing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;

/**
 * Something was shared with a contact ({@code added} for a new share rather than a
 * changed permission), or removed from the portal for them ({@code shared} false).
 */
public record SharesChanged(UUID firmId, UUID clientId, UUID shareId, UUID contactId, String contactEmail, String what,
		@Nullable Permission permission, boolean shared, boolean added, Actor by, Instant occurredAt) {
}
