package app.dossier.mail;

/** A message could not be handed to the SMTP server or written to the outbox. */
public class MailDeliveryException extends RuntimeException {

	MailDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

}
