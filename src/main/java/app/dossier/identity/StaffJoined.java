package app.dossier.identity;

import java.time.Instant;
import java.util.UUID;

/** An invited person accepted the invitation and set a password. */
public record StaffJoined(UUID firmId, UUID staffId, String email, String ip, Instant occurredAt) {
}
