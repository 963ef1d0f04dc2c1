package app.dossier.links;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;

/**
 * Something happened to a secure link: made, changed, enabled or disabled, its code
 * renewed, sent, shut after too many wrong codes, or deleted. Never carries the token or
 * the code.
 */
public record LinkChanged(UUID firmId, UUID clientId, UUID linkId, LinkKind kind, Change change,
		@Nullable String details, Actor by, Instant occurredAt) {

	public enum Change {

		CREATED, CHANGED, ENABLED, DISABLED, CODE_RENEWED, SENT, LOCKED_OUT, SHUT_AFTER_WRONG_CODES, DELETED

	}

}
