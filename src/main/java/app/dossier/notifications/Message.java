package app.dossier.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An email or text message, queued until it is sent. {@code variables} fill the template;
 * when they carry a secret (a secure link or its code) they are stored sealed with the
 * server key.
 */
public record Message(UUID id, UUID firmId, @Nullable UUID clientId, @Nullable UUID contactId, @Nullable UUID staffId,
		Channel channel, String recipient, @Nullable String recipientName, String subject, String template,
		Map<String, Object> variables, Status status, int attempts, Instant nextAttemptAt, @Nullable String lastError,
		Instant createdAt, @Nullable Instant sentAt) {

	public enum Status {

		PENDING, SENT, FAILED

	}

}
