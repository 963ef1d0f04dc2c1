package app.dossier.sharing;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Contact;
import app.dossier.clients.Contacts;
import app.dossier.clients.PortalAccessChanged;
import app.dossier.documents.CustomerView;
import app.dossier.documents.Document;
import app.dossier.documents.DocumentSource;
import app.dossier.documents.DocumentUploaded;
import app.dossier.documents.Documents;
import app.dossier.documents.Folder;
import app.dossier.documents.Folders;
import app.dossier.firms.Firms;
import app.dossier.identity.Actor;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sharing folders and documents with portal contacts, and what each contact sees. */
@Service
public class Sharing {

	private final ShareStore store;

	private final Contacts contacts;

	private final Folders folders;

	private final Documents documents;

	private final Firms firms;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Sharing(ShareStore store, Contacts contacts, Folders folders, Documents documents, Firms firms,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.contacts = contacts;
		this.folders = folders;
		this.documents = documents;
		this.firms = firms;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A contact given portal access can upload to their client's "Client Uploads" folder
	 * straight away; runs in the transaction that granted access.
	 */
	@EventListener
	void on(PortalAccessChanged event) {
		if (!event.granted()) {
			return;
		}
		Folder uploads = this.folders.uploadsFolder(event.firmId(), event.clientId());
		if (uploads == null) {
			return;
		}
		boolean shared = this.store.ofContact(event.firmId(), event.contactId())
			.stream()
			.anyMatch((share) -> uploads.id().equals(share.folderId()));
		if (!shared) {
			insert(event.firmId(), event.clientId(), this.contacts.get(event.firmId(), event.contactId()), uploads.id(),
					null, uploads.name(), Permission.VIEW_UPLOAD, event.by());
		}
	}

	/**
	 * A file someone put straight into the client's storage folder is meant for the
	 * client, as with the portals firms know: while it is visible to customers it is
	 * shared with every contact who has portal access. They hear of it as a new document,
	 * not as a share. Runs in the transaction that recorded the document.
	 */
	@EventListener
	void on(DocumentUploaded event) {
		if (event.source() != DocumentSource.STORAGE || !event.visibleToClient()) {
			return;
		}
		for (Contact contact : this.contacts.ofClient(event.firmId(), event.clientId())) {
			if (contact.portalAccess()) {
				this.store.insert(new Share(UUID.randomUUID(), event.firmId(), event.clientId(), contact.id(), null,
						event.documentId(), Permission.VIEW, event.occurredAt()), null);
			}
		}
	}

	@Transactional
	public Share shareFolder(CurrentStaff by, UUID folderId, UUID contactId, Permission permission) {
		Folder folder = this.folders.get(by.firmId(), folderId);
		Contact contact = contactOf(by.firmId(), folder.clientId(), contactId);
		return upsert(by, contact, folderId, null, folder.name(), permission);
	}

	@Transactional
	public Share shareDocument(CurrentStaff by, UUID documentId, UUID contactId, Permission permission) {
		Document document = this.documents.get(by.firmId(), documentId);
		Contact contact = contactOf(by.firmId(), document.clientId(), contactId);
		return upsert(by, contact, null, documentId, document.name(), permission);
	}

	/** "Remove from portal": the folder or document stays with the client. */
	@Transactional
	public void unshare(CurrentStaff by, UUID shareId) {
		Share share = get(by.firmId(), shareId);
		Contact contact = this.contacts.get(by.firmId(), share.contactId());
		this.store.delete(by.firmId(), shareId);
		this.events.publishEvent(new SharesChanged(share.firmId(), share.clientId(), share.id(), contact.id(),
				contact.email(), describe(share), null, false, false, by.actor(), this.clock.instant()));
	}

	@Transactional(readOnly = true)
	public Share get(UUID firmId, UUID shareId) {
		return this.store.find(firmId, shareId).orElseThrow(() -> new NotFoundException("Share"));
	}

	@Transactional(readOnly = true)
	public List<Share> ofContact(UUID firmId, UUID contactId) {
		this.contacts.get(firmId, contactId);
		return this.store.ofContact(firmId, contactId);
	}

	@Transactional(readOnly = true)
	public List<Share> ofClient(UUID firmId, UUID clientId) {
		return this.store.ofClient(firmId, clientId);
	}

	/** Exactly what the contact sees in the portal. */
	@Transactional(readOnly = true)
	public SharedFiles seenBy(UUID firmId, UUID contactId) {
		return seenBy(firmId, this.contacts.get(firmId, contactId).clientId(), contactId);
	}

	/**
	 * The same for a caller that knows the contact's client already (the portal, which
	 * checked the contact on this request): one query fewer.
	 */
	@Transactional(readOnly = true)
	public SharedFiles seenBy(UUID firmId, UUID clientId, UUID contactId) {
		List<Folder> all = this.folders.ofClient(firmId, clientId);
		Map<UUID, Permission> folderPermissions = new HashMap<>();
		Set<UUID> sharedDocuments = new HashSet<>();
		for (Share share : this.store.ofContact(firmId, contactId)) {
			if (share.folderId() != null) {
				for (UUID id : Folders.withDescendants(all, Set.of(share.folderId()))) {
					folderPermissions.merge(id, share.permission(), Permission::max);
				}
			}
			else if (share.documentId() != null) {
				sharedDocuments.add(share.documentId());
			}
		}
		List<Folder> folders = all.stream().filter((folder) -> folderPermissions.containsKey(folder.id())).toList();
		CustomerView view = new CustomerView(firmId, clientId, contactId, folderPermissions.keySet(), sharedDocuments);
		return new SharedFiles(contactId, folders, Map.copyOf(folderPermissions), view,
				this.firms.settings(firmId).customerUploadsEnabled());
	}

	/** Whether the contact sees the document in the portal now. */
	@Transactional(readOnly = true)
	public boolean sees(UUID firmId, UUID contactId, UUID documentId) {
		return this.documents.seen(seenBy(firmId, contactId).view(), documentId).isPresent();
	}

	private Share upsert(CurrentStaff by, Contact contact, @Nullable UUID folderId, @Nullable UUID documentId,
			String name, Permission permission) {
		Optional<Share> existing = this.store.ofContact(by.firmId(), contact.id())
			.stream()
			.filter((share) -> (folderId != null) ? folderId.equals(share.folderId())
					: documentId != null && documentId.equals(share.documentId()))
			.findFirst();
		if (existing.isPresent()) {
			Share share = existing.get();
			if (share.permission() != permission) {
				this.store.setPermission(by.firmId(), share.id(), permission);
				this.events.publishEvent(new SharesChanged(share.firmId(), share.clientId(), share.id(), contact.id(),
						contact.email(), name, permission, true, false, by.actor(), this.clock.instant()));
			}
			return new Share(share.id(), share.firmId(), share.clientId(), share.contactId(), share.folderId(),
					share.documentId(), permission, share.createdAt());
		}
		return insert(by.firmId(), contact.clientId(), contact, folderId, documentId, name, permission, by.actor());
	}

	private Share insert(UUID firmId, UUID clientId, Contact contact, @Nullable UUID folderId,
			@Nullable UUID documentId, String name, Permission permission, Actor by) {
		Share share = new Share(UUID.randomUUID(), firmId, clientId, contact.id(), folderId, documentId, permission,
				this.clock.instant());
		this.store.insert(share, by.staffId());
		this.events.publishEvent(new SharesChanged(firmId, clientId, share.id(), contact.id(), contact.email(), name,
				permission, true, true, by, share.createdAt()));
		return share;
	}

	/** A contact of the same client as what is being shared. */
	private Contact contactOf(UUID firmId, UUID clientId, UUID contactId) {
		Contact contact = this.contacts.get(firmId, contactId);
		if (!contact.clientId().equals(clientId)) {
			throw new InvalidInputException("contactId", "This contact belongs to another client.");
		}
		return contact;
	}

	private String describe(Share share) {
		if (share.folderId() != null) {
			return this.folders.find(share.firmId(), share.folderId()).map(Folder::name).orElse("a folder");
		}
		return (share.documentId() != null)
				? this.documents.find(share.firmId(), share.documentId()).map(Document::name).orElse("a document")
				: "?";
	}

}
