package app.dossier.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One line of the audit trail. */
public record AuditEntry(long id, @Nullable UUID firmId, Instant occurredAt, String action, @Nullable UUID actorId,
		@Nullable String actor, @Nullable UUID targetId, @Nullable String target, @Nullable String details,
		@Nullable String ip) {
}
