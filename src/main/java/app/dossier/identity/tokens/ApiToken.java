package app.dossier.identity.tokens;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A bearer token for the API. {@code SESSION} tokens come from
 * {@code POST /api/v1/tokens} and expire soon; {@code PERSONAL} ones are made by staff on
 * their account page for scripts and integrations.
 */
public record ApiToken(UUID id, UUID firmId, UUID staffId, Kind kind, String name, Instant createdAt,
		@Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	public boolean isActiveAt(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || now.isBefore(this.expiresAt));
	}

	public enum Kind {

		SESSION, PERSONAL

	}

}
