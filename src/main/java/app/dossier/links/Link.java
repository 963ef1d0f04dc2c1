package app.dossier.links;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A secure link as stored. {@code tokenSalt} and {@code codeSealed} are useless without
 * the server key: the token is derived from the id and salt, the code is sealed.
 * {@code documentIds} are the documents chosen for a download link (empty: everything
 * visible in its folder).
 */
record Link(UUID id, UUID firmId, UUID clientId, LinkKind kind, @Nullable UUID folderId, @Nullable UUID matterId,
		String tokenSalt, String codeSealed, @Nullable String message, Instant expiresAt, boolean enabled,
		@Nullable String disabledReason, int maxFiles, long maxFileSize, List<String> allowedTypes,
		@Nullable UUID createdBy, String createdByName, Instant createdAt, Instant updatedAt, List<UUID> documentIds) {

	static final String SHUT_AFTER_WRONG_CODES = "WRONG_CODES";

	boolean expired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	/** Works right now: enabled and not expired (the green status). */
	boolean works(Instant now) {
		return this.enabled && !expired(now);
	}

}
