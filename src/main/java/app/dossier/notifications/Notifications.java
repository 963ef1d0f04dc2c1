package app.dossier.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.dossier.clients.Clients;
import app.dossier.identity.CurrentStaff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's notifications and email preferences, and a client's communication log.
 */
@Service
public class Notifications {

	private static final int LIST = 100;

	private final ItemStore items;

	private final MessageStore messages;

	private final Preferences preferences;

	private final Clients clients;

	private final Clock clock;

	Notifications(ItemStore items, MessageStore messages, Preferences preferences, Clients clients, Clock clock) {
		this.items = items;
		this.messages = messages;
		this.preferences = preferences;
		this.clients = clients;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public long unread(CurrentStaff caller) {
		return this.items.unread(caller.firmId(), caller.staffId());
	}

	@Transactional(readOnly = true)
	public List<Notice> recent(CurrentStaff caller) {
		return this.items.ofStaff(caller.firmId(), caller.staffId(), LIST)
			.stream()
			.map((item) -> new Notice(item.id(), item.kind(), item.clientId(), item.documentId(), item.title(),
					item.actorLabel(), item.createdAt(), item.readAt() == null))
			.toList();
	}

	@Transactional
	public void markAllRead(CurrentStaff caller) {
		this.items.markRead(caller.firmId(), caller.staffId(), this.clock.instant());
	}

	@Transactional(readOnly = true)
	public Map<Kind, Frequency> preferences(CurrentStaff caller) {
		return this.preferences.all(caller.staffId());
	}

	@Transactional
	public void prefer(CurrentStaff caller, Kind kind, Frequency frequency) {
		this.preferences.set(caller.staffId(), kind, frequency);
	}

	/**
	 * Keeps a message that was sent elsewhere (a sign-in link, whose link must not be
	 * stored) on the client's communication log.
	 */
	@Transactional
	public void recordSent(UUID firmId, UUID clientId, UUID contactId, String recipient, String subject,
			String template) {
		java.time.Instant now = this.clock.instant();
		this.messages.insert(new Message(UUID.randomUUID(), firmId, clientId, contactId, null, Channel.EMAIL, recipient,
				null, subject, template, Map.of(), Message.Status.SENT, 1, now, null, now, now), null);
	}

	/**
	 * Every email and text sent (or being sent) to the client's contacts, newest first.
	 */
	@Transactional(readOnly = true)
	public List<Message> communicationLog(CurrentStaff caller, UUID clientId) {
		this.clients.get(caller.firmId(), clientId);
		return this.messages.ofClient(caller.firmId(), clientId, 200);
	}

	/** One line of a staff member's in-app notification list. */
	public record Notice(UUID id, Kind kind, UUID clientId, @org.jspecify.annotations.Nullable UUID documentId,
			String title, @org.jspecify.annotations.Nullable String by, java.time.Instant at, boolean unread) {
	}

}
