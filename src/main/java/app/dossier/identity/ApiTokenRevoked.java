package app.dossier.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal access token was revoked by its owner. */
public record ApiTokenRevoked(UUID firmId, UUID staffId, UUID tokenId, String name, Actor by, Instant occurredAt) {
}
