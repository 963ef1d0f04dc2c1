package app.dossier.portal;

import java.time.Instant;
import java.util.List;

import app.dossier.clients.Contact;
import app.dossier.clients.Contacts;
import app.dossier.clients.PortalContact;
import app.dossier.firms.Firms;
import org.springframework.stereotype.Component;

/** Which clients an email address may act for in the portal, now. */
@Component
class Memberships {

	private final Contacts contacts;

	private final Firms firms;

	Memberships(Contacts contacts, Firms firms) {
		this.contacts = contacts;
		this.firms = firms;
	}

	/**
	 * For a session that began at {@code since}: access revoked or ended after that does
	 * not count.
	 */
	List<Membership> of(String email, Instant since) {
		return this.contacts.portalContacts(email)
			.stream()
			.filter((each) -> each.contact().portalSessionsAfter() == null
					|| !each.contact().portalSessionsAfter().isAfter(since))
			.map(this::membership)
			.toList();
	}

	List<Contact> contacts(String email) {
		return this.contacts.withPortalAccess(email);
	}

	private Membership membership(PortalContact each) {
		Contact contact = each.contact();
		return new Membership(contact.id(), contact.firmId(), contact.clientId(), contact.name(), each.clientName(),
				this.firms.nameOf(contact.firmId()));
	}

}
