package app.dossier.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.dossier.clients.Clients;
import app.dossier.firms.Firms;
import app.dossier.identity.StaffDirectory;
import app.dossier.identity.StaffSummary;
import app.dossier.shared.PublicAddress;
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

	private final Outbox outbox;

	private final StaffDirectory staff;

	private final Firms firms;

	private final PublicAddress address;

	private final Clock clock;

	Notifications(ItemStore items, MessageStore messages, Preferences preferences, Clients clients, Outbox outbox,
			StaffDirectory staff, Firms firms, PublicAddress address, Clock clock) {
		this.items = items;
		this.messages = messages;
		this.preferences = preferences;
		this.clients = clients;
		this.outbox = outbox;
		this.staff = staff;
		this.firms = firms;
		this.address = address;
		this.clock = clock;
	}

	/**
	 * Queues a message written for one contact in the caller's transaction, sent with
	 * retries like every other and kept on the client's communication log. Its template
	 * variables are stored sealed, since such messages carry a secure link or its code.
	 */
	@Transactional
	public void sendToContact(ContactMessage message) {
		this.outbox.enqueueSealed(message.firmId(), message.clientId(), message.contactId(), message.staffId(),
				message.channel(), message.recipient(), message.recipientName(), message.subject(), message.template(),
				message.variables());
	}

	/**
	 * Tells a staff member of something that needs attention: in the app at once and by
	 * email at once, whatever their digest choice, since it is no news to wait for.
	 */
	@Transactional
	public void alertStaff(UUID firmId, UUID clientId, UUID staffId, String title, String details, String path,
			String sourceKey) {
		StaffSummary member = this.staff.members(firmId)
			.stream()
			.filter((m) -> m.id().equals(staffId) && m.active())
			.findFirst()
			.orElse(null);
		if (member == null) {
			return;
		}
		java.time.Instant now = this.clock.instant();
		Item item = new Item(UUID.randomUUID(), firmId, clientId, staffId, null, Kind.ALERT, null, title, null, now,
				null, sourceKey);
		if (!this.items.insert(item)) {
			return;
		}
		this.items.batched(List.of(item.id()), now);
		String firmName = this.firms.get(firmId).name();
		this.outbox.enqueue(firmId, null, null, staffId, Channel.EMAIL, member.email(), member.name(),
				firmName + ": " + title, "staff-alert", Map.of("name", member.name(), "firmName", firmName, "title",
						title, "details", details, "link", this.address.link(path)));
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
