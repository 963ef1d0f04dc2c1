package app.dossier.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends {@link OutgoingMail}. Subjects are logged; bodies (which may hold links) never.
 */
@Service
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final MailTemplates templates;

	private final MailSettings settings;

	private final @Nullable JavaMailSender smtp;

	Mailer(MailTemplates templates, MailSettings settings, ObjectProvider<JavaMailSender> smtp) {
		this.templates = templates;
		this.settings = settings;
		this.smtp = smtp.getIfAvailable();
	}

	/**
	 * Renders and sends the message now.
	 * @throws MailDeliveryException when the SMTP server or the outbox directory refuses
	 * it
	 */
	public void send(OutgoingMail mail) {
		MimeMessage message = compose(mail);
		try {
			if (this.smtp != null) {
				this.smtp.send(message);
				log.info("Mail sent: \"{}\"", oneLine(mail.subject()));
			}
			else {
				Path file = writeToOutbox(message);
				log.info("Mail written to {}: \"{}\" (no SMTP server configured)", file, oneLine(mail.subject()));
			}
		}
		catch (MailException | IOException | MessagingException ex) {
			throw new MailDeliveryException("Mail \"" + oneLine(mail.subject()) + "\" could not be sent", ex);
		}
	}

	private MimeMessage compose(OutgoingMail mail) {
		Context context = new Context(Locale.ENGLISH, mail.variables());
		MimeMessage message = (this.smtp != null) ? this.smtp.createMimeMessage()
				: new MimeMessage(Session.getInstance(new Properties()));
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(sender(mail.senderName()));
			helper.setTo(new InternetAddress(mail.to(), oneLine(mail.toName()), "UTF-8"));
			if (mail.replyTo() != null) {
				helper.setReplyTo(new InternetAddress(mail.replyTo(), true));
			}
			helper.setSubject(oneLine(mail.subject()));
			helper.setText(this.templates.text(mail.template(), context),
					this.templates.html(mail.template(), context));
			message.setHeader("Auto-Submitted", "auto-generated");
			return message;
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailDeliveryException("Mail \"" + oneLine(mail.subject()) + "\" could not be composed", ex);
		}
	}

	private InternetAddress sender(String senderName) throws MessagingException, UnsupportedEncodingException {
		InternetAddress configured = new InternetAddress(this.settings.from(), true);
		return new InternetAddress(configured.getAddress(), oneLine(senderName), "UTF-8");
	}

	private Path writeToOutbox(MimeMessage message) throws IOException, MessagingException {
		Files.createDirectories(this.settings.outboxDir());
		String name = Instant.now().toString().replace(':', '-') + "-" + UUID.randomUUID() + ".eml";
		Path target = this.settings.outboxDir().resolve(name);
		Path partial = this.settings.outboxDir().resolve(name + ".part");
		try (OutputStream out = Files.newOutputStream(partial)) {
			message.writeTo(out);
		}
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		return target;
	}

	/**
	 * Header values are single lines: a CR or LF in a name or subject must not start a
	 * new header.
	 */
	static String oneLine(String value) {
		return value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
	}

}
