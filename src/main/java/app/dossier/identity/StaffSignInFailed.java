package app.dossier.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in attempt failed. Firm and email are only known when the address belongs to an
 * account: what was typed for unknown accounts is not kept.
 */
public record StaffSignInFailed(@Nullable UUID firmId, @Nullable UUID staffId, @Nullable String email, String reason,
		String ip, Instant occurredAt) {
}
