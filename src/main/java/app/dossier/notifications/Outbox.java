package app.dossier.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.AddressException;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.mail.Mailer;
import app.dossier.mail.OutgoingMail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Messages are queued in the database with the change that caused them and sent from
 * here, retried with growing pauses (up to {@code max-retry-delay}) until they go
 * through. A message is claimed before each attempt, so two runs never send it twice.
 */
@Component
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(10);

	private final MessageStore store;

	private final Mailer mailer;

	private final SmsSender sms;

	private final NotificationSettings settings;

	private final Clock clock;

	Outbox(MessageStore store, Mailer mailer, SmsSender sms, NotificationSettings settings, Clock clock) {
		this.store = store;
		this.mailer = mailer;
		this.sms = sms;
		this.settings = settings;
		this.clock = clock;
	}

	/** Queues a message in the caller's transaction. */
	void enqueue(UUID firmId, @Nullable UUID clientId, @Nullable UUID contactId, @Nullable UUID staffId,
			Channel channel, String recipient, @Nullable String recipientName, String subject, String template,
			Map<String, Object> variables) {
		enqueueOnce(null, firmId, clientId, contactId, staffId, channel, recipient, recipientName, subject, template,
				variables);
	}

	/**
	 * Queues a message unless one with the same source key was queued before (an event
	 * delivered a second time).
	 */
	void enqueueOnce(@Nullable String sourceKey, UUID firmId, @Nullable UUID clientId, @Nullable UUID contactId,
			@Nullable UUID staffId, Channel channel, String recipient, @Nullable String recipientName, String subject,
			String template, Map<String, Object> variables) {
		if (sourceKey != null && this.store.exists(sourceKey)) {
			return;
		}
		Instant now = this.clock.instant();
		this.store.insert(new Message(UUID.randomUUID(), firmId, clientId, contactId, staffId, channel, recipient,
				recipientName, subject, template, variables, Message.Status.PENDING, 0, now, null, now, null),
				sourceKey);
	}

	/** Queues a message whose variables carry a secret; they are stored sealed. */
	void enqueueSealed(UUID firmId, UUID clientId, UUID contactId, @Nullable UUID staffId, Channel channel,
			String recipient, String recipientName, String subject, String template, Map<String, Object> variables) {
		Instant now = this.clock.instant();
		this.store.insert(new Message(UUID.randomUUID(), firmId, clientId, contactId, staffId, channel, recipient,
				recipientName, subject, template, variables, Message.Status.PENDING, 0, now, null, now, null), null,
				true);
	}

	@Scheduled(fixedDelayString = "${dossier.notifications.poll-interval:10s}", initialDelay = 2_000)
	@SchedulerLock(name = "outbox", lockAtMostFor = "PT10M")
	public void sendDue() {
		List<Message> due = this.store.due(this.clock.instant(), 100);
		for (Message message : due) {
			attempt(message);
		}
	}

	private void attempt(Message message) {
		Instant now = this.clock.instant();
		if (!this.store.claim(message, now.plus(delay(message.attempts() + 1)))) {
			return;
		}
		try {
			switch (message.channel()) {
				case EMAIL -> this.mailer.send(new OutgoingMail(message.recipient(),
						(message.recipientName() != null) ? message.recipientName() : message.recipient(),
						String.valueOf(message.variables()
							.getOrDefault("senderName", message.variables().getOrDefault("firmName", "Dossier"))),
						message.subject(), message.template(), message.variables(),
						(String) message.variables().get("replyTo")));
				case SMS -> this.sms.send(message.recipient(), String.valueOf(message.variables().get("text")));
			}
			this.store.sent(message.id(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			boolean forGood = invalidAddress(ex);
			this.store.failed(message.id(), ex.getMessage() != null ? ex.getMessage() : ex.toString(), forGood);
			if (forGood) {
				log.warn("Message {} can never be delivered: {}", message.id(), ex.getMessage());
			}
			else {
				log.info("Message {} not sent yet (attempt {}): {}", message.id(), message.attempts() + 1,
						ex.getMessage());
			}
		}
	}

	/** 10 s, 20 s, 40 s, … up to the configured ceiling. */
	Duration delay(int attempts) {
		Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
		return (delay.compareTo(this.settings.maxRetryDelay()) > 0) ? this.settings.maxRetryDelay() : delay;
	}

	private static boolean invalidAddress(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AddressException) {
				return true;
			}
		}
		return false;
	}

}
