package app.dossier.clients;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A person at a client who may use the portal. */
public record Contact(UUID id, UUID firmId, UUID clientId, String name, String email, @Nullable String phone,
		boolean smsOptIn, Instant createdAt) {
}
