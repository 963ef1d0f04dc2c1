package app.dossier.identity.staff;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A single-use link that lets an invited staff member choose a password. */
record Invitation(UUID id, UUID firmId, UUID staffId, String tokenHash, @Nullable UUID createdBy, Instant createdAt,
		Instant expiresAt, @Nullable Instant acceptedAt, @Nullable Instant revokedAt) {

	boolean isOpenAt(Instant now) {
		return this.acceptedAt == null && this.revokedAt == null && now.isBefore(this.expiresAt);
	}

}
