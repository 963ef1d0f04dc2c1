package app.dossier.sharing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;

/** Something was shared with a contact, or removed from the portal for them. */
public record SharesChanged(UUID firmId, UUID clientId, UUID shareId, UUID contactId, String contactEmail, String what,
		@Nullable Permission permission, boolean shared, Actor by, Instant occurredAt) {
}
