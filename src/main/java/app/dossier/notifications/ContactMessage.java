package app.dossier.notifications;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message written for one contact, such as a secure link sent by a staff member
 * ({@code staffId}), rendered from {@code templates/mail/<template>} for email; a text
 * message's body is the variable {@code text}. The variables {@code senderName} and
 * {@code replyTo} set the email's sender name and reply address.
 */
public record ContactMessage(UUID firmId, UUID clientId, UUID contactId, @Nullable UUID staffId, Channel channel,
		String recipient, String recipientName, String subject, String template, Map<String, Object> variables) {
}
