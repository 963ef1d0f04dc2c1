package app.dossier.links;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Contact;
import app.dossier.clients.Contacts;
import app.dossier.documents.Document;
import app.dossier.identity.CurrentStaff;
import app.dossier.identity.StaffDirectory;
import app.dossier.identity.StaffSummary;
import app.dossier.notifications.Channel;
import app.dossier.notifications.ContactMessage;
import app.dossier.notifications.Notifications;
import app.dossier.shared.ConflictException;
import app.dossier.shared.ForbiddenException;
import app.dossier.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a link to contacts: the link by email, the security code separately — by text
 * message to contacts who opted in, otherwise shown to staff to pass on by phone. Both
 * are queued with the notifications (sent with retries, kept on the communication log)
 * and stored sealed, since they carry the link and its code.
 */
@Service
class LinkSending {

	private static final DateTimeFormatter WHEN = DateTimeFormatter
		.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Links links;

	private final Contacts contacts;

	private final StaffDirectory staff;

	private final Notifications notifications;

	private final app.dossier.firms.Firms firms;

	private final java.time.Clock clock;

	LinkSending(Links links, Contacts contacts, StaffDirectory staff, Notifications notifications,
			app.dossier.firms.Firms firms, java.time.Clock clock) {
		this.clock = clock;
		this.links = links;
		this.contacts = contacts;
		this.staff = staff;
		this.notifications = notifications;
		this.firms = firms;
	}

	/** The subject and body staff start from, before editing them. */
	@Transactional(readOnly = true)
	public Draft draft(UUID firmId, UUID linkId) {
		Link link = this.links.get(firmId, linkId);
		String firm = this.firms.nameOf(firmId);
		String url = this.links.url(link);
		StringBuilder body = new StringBuilder();
		if (link.message() != null) {
			body.append(link.message()).append("\n\n");
		}
		String subject;
		if (link.kind() == LinkKind.DOWNLOAD) {
			List<String> names = this.links.offered(link).stream().map(Document::name).toList();
			subject = "Documents from " + firm + (names.isEmpty() ? "" : ": " + shortList(names));
			if (!names.isEmpty()) {
				body.append(names.stream().map((name) -> "- " + name).collect(Collectors.joining("\n"))).append("\n\n");
			}
			body.append("Download them here: ");
		}
		else {
			subject = firm + " asks you to send documents";
			body.append("Send your documents here: ");
		}
		body.append(url)
			.append("\n\nThe link works until ")
			.append(WHEN.format(link.expiresAt()))
			.append(" and asks for a security code, which we give you separately.");
		return new Draft(subject, body.toString());
	}

	/**
	 * Queues the messages; answers who got what and the contacts whose code staff must
	 * pass on by phone.
	 */
	@Transactional
	public Sent send(CurrentStaff by, UUID linkId, SendRequest request) {
		Link link = this.links.get(by.firmId(), linkId);
		if (!link.works(this.clock.instant())) {
			throw new ConflictException("This link does not work right now (disabled or expired). Enable it, or make"
					+ " a new one, before sending it.");
		}
		if (request.contactIds() == null || request.contactIds().isEmpty()) {
			throw new InvalidInputException("contactIds", "Choose at least one contact to send the link to.");
		}
		StaffSummary sender = sender(by, request.onBehalfOf());
		String firm = this.firms.nameOf(by.firmId());
		Draft draft = draft(by.firmId(), linkId);
		String subject = text("subject", request.subject(), draft.subject(), 300);
		String body = text("body", request.body(), draft.body(), 10_000);
		String url = this.links.url(link);
		String code = this.links.code(link);
		String senderName = sender.name() + " (" + firm + ")";
		List<Recipient> emailed = new ArrayList<>();
		List<Recipient> texted = new ArrayList<>();
		List<Recipient> byPhone = new ArrayList<>();
		for (UUID contactId : new LinkedHashSet<>(request.contactIds())) {
			Contact contact = this.contacts.find(by.firmId(), contactId);
			if (contact == null || !contact.clientId().equals(link.clientId())) {
				throw new InvalidInputException("contactIds", "There is no contact " + contactId + " for this client.");
			}
			boolean codeBySms = contact.smsOptIn() && contact.phone() != null;
			Map<String, Object> variables = new HashMap<>();
			variables.put("firmName", firm);
			variables.put("senderName", senderName);
			variables.put("replyTo", sender.email());
			variables.put("body", body);
			variables.put("link", url);
			variables.put("kind", link.kind().name());
			variables.put("expires", WHEN.format(link.expiresAt()));
			variables.put("codeBySms", codeBySms);
			this.notifications.sendToContact(new ContactMessage(by.firmId(), link.clientId(), contact.id(), sender.id(),
					Channel.EMAIL, contact.email(), contact.name(), subject, "secure-link", variables));
			emailed.add(Recipient.of(contact, contact.email()));
			if (codeBySms) {
				String text = firm + ": the security code for the link " + sender.name() + " emailed you is " + code
						+ ". It works until " + WHEN.format(link.expiresAt()) + ".";
				this.notifications.sendToContact(new ContactMessage(by.firmId(), link.clientId(), contact.id(),
						sender.id(), Channel.SMS, contact.phone(), contact.name(),
						firm + ": security code for your link", "sms", Map.of("firmName", firm, "text", text)));
				texted.add(Recipient.of(contact, contact.phone()));
			}
			else {
				byPhone.add(Recipient.of(contact, (contact.phone() != null) ? contact.phone() : contact.email()));
			}
		}
		this.links.changed(by, link, LinkChanged.Change.SENT,
				"to " + emailed.stream().map(Recipient::address).collect(Collectors.joining(", "))
						+ ((sender.id().equals(by.staffId())) ? "" : " on behalf of " + sender.name()));
		return new Sent(emailed, texted, byPhone, byPhone.isEmpty() ? null : code);
	}

	/**
	 * Staff send as themselves; an administrator may send on behalf of another active
	 * member of the firm.
	 */
	private StaffSummary sender(CurrentStaff by, @Nullable UUID onBehalfOf) {
		List<StaffSummary> members = this.staff.members(by.firmId());
		UUID id = (onBehalfOf != null) ? onBehalfOf : by.staffId();
		if (!id.equals(by.staffId()) && !by.isAdmin()) {
			throw new ForbiddenException("Only administrators may send on behalf of another team member.");
		}
		return members.stream()
			.filter((m) -> m.id().equals(id) && m.active())
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("onBehalfOf", "There is no such active team member."));
	}

	private static String text(String field, @Nullable String given, String fallback, int max) {
		if (given == null || given.isBlank()) {
			return fallback;
		}
		if (given.length() > max) {
			throw new InvalidInputException(field, "Use at most " + max + " characters.");
		}
		return given.strip();
	}

	private static String shortList(List<String> names) {
		if (names.size() <= 3) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
	}

	record SendRequest(@Nullable List<UUID> contactIds, @Nullable String subject, @Nullable String body,
			@Nullable UUID onBehalfOf) {
	}

	record Draft(String subject, String body) {
	}

	record Recipient(UUID contactId, String name, String address) {

		static Recipient of(Contact contact, String address) {
			return new Recipient(contact.id(), contact.name(), address);
		}

	}

	/**
	 * @param codeToTell the security code, when some contacts must hear it by phone
	 */
	record Sent(List<Recipient> emailed, List<Recipient> codeTexted, List<Recipient> codeByPhone,
			@Nullable String codeToTell) {
	}

}
