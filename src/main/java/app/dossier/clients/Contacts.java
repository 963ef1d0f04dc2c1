package app.dossier.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.dossier.identity.CurrentStaff;
import app.dossier.shared.ConflictException;
import app.dossier.shared.EmailAddresses;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people at each client who may use the portal. */
@Service
public class Contacts {

	private final ContactStore store;

	private final Clients clients;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Contacts(ContactStore store, Clients clients, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.clients = clients;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Contact> ofClient(UUID firmId, UUID clientId) {
		this.clients.get(firmId, clientId);
		return this.store.ofClient(firmId, clientId);
	}

	@Transactional(readOnly = true)
	public Contact get(UUID firmId, UUID contactId) {
		return this.store.find(firmId, contactId).orElseThrow(() -> new NotFoundException("Contact"));
	}

	/** The contact, or null if it was removed meanwhile. */
	@Transactional(readOnly = true)
	public @org.jspecify.annotations.Nullable Contact find(UUID firmId, UUID contactId) {
		return this.store.find(firmId, contactId).orElse(null);
	}

	@Transactional
	public Contact add(CurrentStaff by, UUID clientId, ContactDetails details) {
		this.clients.get(by.firmId(), clientId);
		Contact contact = valid(new Contact(UUID.randomUUID(), by.firmId(), clientId, required(details.name()),
				required(details.email()), details.phone(), Boolean.TRUE.equals(details.smsOptIn()),
				this.clock.instant(), false, null));
		this.store.insert(contact);
		published(by, contact, ContactsChanged.Change.ADDED);
		return contact;
	}

	@Transactional
	public Contact change(CurrentStaff by, UUID contactId, ContactDetails change) {
		Contact old = get(by.firmId(), contactId);
		Contact updated = valid(old.withDetails((change.name() != null) ? change.name() : old.name(),
				(change.email() != null) ? change.email() : old.email(),
				(change.phone() != null) ? change.phone() : old.phone(),
				(change.smsOptIn() != null) ? change.smsOptIn() : old.smsOptIn()));
		if (!updated.equals(old)) {
			this.store.update(updated);
			published(by, updated, ContactsChanged.Change.CHANGED);
		}
		return updated;
	}

	@Transactional
	public void remove(CurrentStaff by, UUID contactId) {
		Contact contact = get(by.firmId(), contactId);
		this.store.delete(by.firmId(), contactId);
		published(by, contact, ContactsChanged.Change.REMOVED);
	}

	private Contact valid(Contact contact) {
		String email = Checks.optionalEmail("email", contact.email());
		if (email == null) {
			throw new InvalidInputException("email", "Enter the contact's email address; they sign in with it.");
		}
		String phone = Checks.optionalPhone("phone", contact.phone());
		if (contact.smsOptIn() && phone == null) {
			throw new InvalidInputException("smsOptIn", "Add a phone number before opting in to text messages.");
		}
		if (this.store.emailTaken(contact.clientId(), email, contact.id())) {
			throw new ConflictException("This client already has a contact with that email address.");
		}
		return contact.withDetails(Checks.name("name", contact.name(), 200), email, phone, contact.smsOptIn());
	}

	/**
	 * Lets the contact sign in to the portal (the portal module sends the invitation on
	 * {@link PortalAccessChanged}). Granting again re-sends it.
	 */
	@Transactional
	public Contact grantPortalAccess(CurrentStaff by, UUID contactId) {
		Contact contact = get(by.firmId(), contactId);
		Instant now = this.clock.instant();
		if (!contact.portalAccess()) {
			this.store.setPortalAccess(by.firmId(), contactId, true, now);
		}
		this.events.publishEvent(new PortalAccessChanged(contact.firmId(), contact.clientId(), contactId,
				contact.email(), contact.name(), true, by.actor(), now));
		return get(by.firmId(), contactId);
	}

	/** Ends the contact's portal access, including sessions open right now. */
	@Transactional
	public Contact revokePortalAccess(CurrentStaff by, UUID contactId) {
		Contact contact = get(by.firmId(), contactId);
		Instant now = this.clock.instant();
		this.store.setPortalAccess(by.firmId(), contactId, false, now);
		if (contact.portalAccess()) {
			this.events.publishEvent(new PortalAccessChanged(contact.firmId(), contact.clientId(), contactId,
					contact.email(), contact.name(), false, by.actor(), now));
		}
		return get(by.firmId(), contactId);
	}

	/** Every contact, in any firm, who may sign in to the portal with this address. */
	@Transactional(readOnly = true)
	public List<Contact> withPortalAccess(String email) {
		return portalContacts(email).stream().map(PortalContact::contact).toList();
	}

	/**
	 * The same with each one's client's name, in one query: the portal asks on every
	 * request.
	 */
	@Transactional(readOnly = true)
	public List<PortalContact> portalContacts(String email) {
		return this.store.withPortalAccess(EmailAddresses.normalize(email));
	}

	/** "Sign out everywhere": sessions that began before now are refused from now on. */
	@Transactional
	public void endPortalSessions(UUID firmId, UUID contactId) {
		this.store.endPortalSessions(firmId, contactId, this.clock.instant());
	}

	@Transactional
	public void recordPortalSignIn(UUID contactId) {
		this.store.signedIn(contactId, this.clock.instant());
	}

	private static String required(@org.jspecify.annotations.Nullable String value) {
		return (value != null) ? value : "";
	}

	private void published(CurrentStaff by, Contact contact, ContactsChanged.Change change) {
		this.events.publishEvent(new ContactsChanged(contact.firmId(), contact.clientId(), contact.id(),
				contact.email(), change, by.actor(), this.clock.instant()));
	}

}
