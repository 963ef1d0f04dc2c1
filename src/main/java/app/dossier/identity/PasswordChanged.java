package app.dossier.identity;

import java.time.Instant;
import java.util.UUID;

/** A staff member changed their own password. */
public record PasswordChanged(UUID firmId, UUID staffId, Actor by, Instant occurredAt) {
}
