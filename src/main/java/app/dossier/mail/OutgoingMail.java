package app.dossier.mail;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One message to one recipient, rendered from {@code templates/mail/<template>.html} and
 * {@code .txt} with the given variables.
 *
 * @param to the recipient's address
 * @param toName the recipient's name, shown as the display name
 * @param senderName shown as the display name of the sender address (a firm's name)
 * @param replyTo where replies go (a staff member who sent it), or null for the sender
 */
public record OutgoingMail(String to, String toName, String senderName, String subject, String template,
		Map<String, Object> variables, @Nullable String replyTo) {

	public OutgoingMail(String to, String toName, String senderName, String subject, String template,
			Map<String, Object> variables) {
		this(to, toName, senderName, subject, template, variables, null);
	}

}
