package app.dossier.identity;

import java.time.Instant;
import java.util.UUID;

/** An admin invited someone to join the firm as staff. */
public record StaffInvited(UUID firmId, UUID staffId, String email, Role role, Actor by, Instant occurredAt) {
}
