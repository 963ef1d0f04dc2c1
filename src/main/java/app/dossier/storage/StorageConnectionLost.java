package app.dossier.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A firm's connection to its own storage account stopped working (the person who
 * connected it revoked Dossier's access, or the platform refused its tokens). Files on it
 * cannot be read or written until an administrator connects it again.
 */
public record StorageConnectionLost(UUID firmId, Platform platform, String reason, Instant occurredAt) {
}
