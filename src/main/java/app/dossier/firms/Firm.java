package app.dossier.firms;

import java.time.Instant;
import java.util.UUID;

/**
 * A firm using Dossier. The slug is fixed at creation and names the firm's folder in
 * storage, so renaming the firm never moves files.
 */
public record Firm(UUID id, String name, String slug, Instant createdAt) {
}
