package app.dossier.identity;

import java.time.Instant;
import java.util.UUID;

/** A staff member signed in, with a password, through the web or the token API. */
public record StaffSignedIn(UUID firmId, UUID staffId, String email, String ip, Instant occurredAt) {
}
