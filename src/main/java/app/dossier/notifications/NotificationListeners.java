package app.dossier.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Clients;
import app.dossier.clients.Contact;
import app.dossier.clients.Contacts;
import app.dossier.clients.PortalAccessChanged;
import app.dossier.documents.DocumentScanned;
import app.dossier.documents.DocumentSource;
import app.dossier.documents.DocumentUploaded;
import app.dossier.firms.Firms;
import app.dossier.identity.StaffDirectory;
import app.dossier.storage.StorageConnectionLost;
import app.dossier.identity.StaffSummary;
import app.dossier.shared.PublicAddress;
import app.dossier.sharing.SharesChanged;
import app.dossier.sharing.Sharing;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into notification items and queued messages. Each listener
 * runs from the event publication registry after its event's transaction committed, and
 * again after a crash or restart until it completes; items carry their event's key, so a
 * second run adds nothing twice.
 */
@Component
class NotificationListeners {

	private final ItemStore items;

	private final Outbox outbox;

	private final Clients clients;

	private final Contacts contacts;

	private final Sharing sharing;

	private final StaffDirectory staff;

	private final Firms firms;

	private final PublicAddress address;

	private final Notifications notifications;

	NotificationListeners(ItemStore items, Outbox outbox, Clients clients, Contacts contacts, Sharing sharing,
			StaffDirectory staff, Firms firms, PublicAddress address, Notifications notifications) {
		this.notifications = notifications;
		this.items = items;
		this.outbox = outbox;
		this.clients = clients;
		this.contacts = contacts;
		this.sharing = sharing;
		this.staff = staff;
		this.firms = firms;
		this.address = address;
	}

	@ApplicationModuleListener
	void on(DocumentUploaded event) {
		if (event.source() == DocumentSource.PORTAL || event.source() == DocumentSource.LINK) {
			for (StaffSummary member : toldOfCustomerUploads(event.firmId(), event.clientId())) {
				this.items.insert(new Item(UUID.randomUUID(), event.firmId(), event.clientId(), member.id(), null,
						Kind.CUSTOMER_UPLOAD, event.documentId(), event.name(), event.by().label(), event.occurredAt(),
						null, "upload:" + event.documentId() + ":" + member.id()));
			}
		}
		tellContacts(event.firmId(), event.clientId(), event.documentId(), event.name(), event.by().label(),
				event.uploadedByContact(), event.occurredAt());
	}

	/**
	 * With a virus scanner, customers may see a document only once it is clean: that is
	 * when they hear of it. A quarantined one is news for the staff and for the customer
	 * who sent it.
	 */
	@ApplicationModuleListener
	void on(DocumentScanned event) {
		if (event.clean()) {
			tellContacts(event.firmId(), event.clientId(), event.documentId(), event.name(), null,
					event.uploadedByContact(), event.occurredAt());
			return;
		}
		String found = (event.detail() != null) ? event.detail() : "malware";
		java.util.Set<UUID> told = new java.util.LinkedHashSet<>();
		if (event.uploadedByStaff() != null) {
			told.add(event.uploadedByStaff());
		}
		toldOfCustomerUploads(event.firmId(), event.clientId()).forEach((member) -> told.add(member.id()));
		for (UUID staffId : told) {
			this.notifications.alertStaff(event.firmId(), event.clientId(), staffId,
					"\"" + event.name() + "\" was quarantined: the virus scanner found " + found,
					"Nobody can download it. It stays in the client's files, marked as quarantined, until an"
							+ " administrator deletes it. Ask the sender for a clean copy.",
					"/clients/" + event.clientId() + "/files",
					"quarantine:" + event.documentId() + ":" + event.sha256() + ":" + staffId);
		}
		if (event.uploadedByContact() != null) {
			Contact contact = this.contacts.find(event.firmId(), event.uploadedByContact());
			if (contact != null) {
				String firmName = this.firms.get(event.firmId()).name();
				this.outbox.enqueueOnce("refused:" + event.documentId() + ":" + event.sha256(), event.firmId(),
						event.clientId(), contact.id(), null, Channel.EMAIL, contact.email(), contact.name(),
						firmName + ": we could not accept " + event.name(), "upload-refused",
						Map.of("name", contact.name(), "firmName", firmName, "document", event.name(), "found", found));
			}
		}
	}

	private void tellContacts(UUID firmId, UUID clientId, UUID documentId, String name, @Nullable String by,
			@Nullable UUID uploaderContact, java.time.Instant at) {
		for (Contact contact : this.contacts.ofClient(firmId, clientId)) {
			if (contact.portalAccess() && !contact.id().equals(uploaderContact)
					&& this.sharing.sees(firmId, contact.id(), documentId)) {
				this.items.insert(new Item(UUID.randomUUID(), firmId, clientId, null, contact.id(), Kind.NEW_DOCUMENT,
						documentId, name, by, at, null, "new:" + documentId + ":" + contact.id()));
			}
		}
	}

	@ApplicationModuleListener
	void on(SharesChanged event) {
		if (!event.shared() || !event.added()) {
			return;
		}
		Contact contact = this.contacts.find(event.firmId(), event.contactId());
		if (contact != null && contact.portalAccess()) {
			this.items
				.insert(new Item(UUID.randomUUID(), event.firmId(), event.clientId(), null, contact.id(), Kind.SHARED,
						null, event.what(), event.by().label(), event.occurredAt(), null, "share:" + event.shareId()));
		}
	}

	/**
	 * The firm's own storage account stopped working: every administrator hears at once,
	 * since uploads to folders there fail until one of them connects it again.
	 */
	@ApplicationModuleListener
	void on(StorageConnectionLost event) {
		String firmName = this.firms.get(event.firmId()).name();
		String title = "The connection to your " + event.platform().label() + " stopped working";
		for (StaffSummary admin : this.staff.members(event.firmId())
			.stream()
			.filter((m) -> m.active() && m.admin())
			.toList()) {
			this.outbox.enqueueOnce(
					"storage-lost:" + event.platform().id() + ":" + event.occurredAt() + ":" + admin.id(),
					event.firmId(), null, null, admin.id(), Channel.EMAIL, admin.email(), admin.name(),
					firmName + ": " + title, "staff-alert",
					Map.of("name", admin.name(), "firmName", firmName, "title", title, "details",
							"Dossier can no longer reach the files in your " + event.platform().label() + " ("
									+ event.reason() + "). Uploads to client folders there are refused until"
									+ " an administrator connects it again; nothing was lost. Connect it again under"
									+ " Settings → Storage.",
							"link", this.address.link("/settings/storage")));
		}
	}

	/** The invitation goes out at once; it is no news to gather with others. */
	@ApplicationModuleListener
	void on(PortalAccessChanged event) {
		if (!event.granted()) {
			return;
		}
		String firmName = this.firms.get(event.firmId()).name();
		this.outbox.enqueueOnce("invitation:" + event.contactId() + ":" + event.occurredAt().toEpochMilli(),
				event.firmId(), event.clientId(), event.contactId(), null, Channel.EMAIL, event.email(), event.name(),
				firmName + " shares documents with you on Dossier", "portal-invitation", Map.of("name", event.name(),
						"firmName", firmName, "link", this.address.link("/portal/login"), "email", event.email()));
	}

	/** The staff assigned to the client; the firm's administrators when nobody is. */
	private List<StaffSummary> toldOfCustomerUploads(UUID firmId, UUID clientId) {
		List<StaffSummary> team = this.clients.team(firmId, clientId).stream().filter(StaffSummary::active).toList();
		if (!team.isEmpty()) {
			return team;
		}
		return this.staff.members(firmId).stream().filter((m) -> m.active() && m.admin()).toList();
	}

}
