package app.dossier.notifications;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One thing to tell one person (a staff member or a contact) about one client. */
record Item(UUID id, UUID firmId, UUID clientId, @Nullable UUID staffId, @Nullable UUID contactId, Kind kind,
		@Nullable UUID documentId, String title, @Nullable String actorLabel, Instant createdAt,
		@Nullable Instant readAt, String sourceKey) {
}
