package app.dossier.identity;

import java.time.Instant;
import java.util.UUID;

/** An API token was created: a short-lived one from the token API, or a personal one. */
public record ApiTokenIssued(UUID firmId, UUID staffId, UUID tokenId, String name, boolean personal, Actor by,
		Instant occurredAt) {
}
