package app.dossier.audit;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.ClientChanged;
import app.dossier.clients.ClientCreated;
import app.dossier.clients.ClientDeleted;
import app.dossier.clients.ClientTeamChanged;
import app.dossier.clients.ContactsChanged;
import app.dossier.clients.PortalAccessChanged;
import app.dossier.documents.DocumentChanged;
import app.dossier.documents.DocumentDeleted;
import app.dossier.documents.DocumentMissing;
import app.dossier.documents.DocumentDownloaded;
import app.dossier.documents.DocumentsDownloaded;
import app.dossier.documents.DocumentScanned;
import app.dossier.documents.DocumentUploaded;
import app.dossier.documents.DocumentVersionAdded;
import app.dossier.documents.FolderChanged;
import app.dossier.firms.FirmCreated;
import app.dossier.firms.FirmSettingsChanged;
import app.dossier.identity.Actor;
import app.dossier.identity.ApiTokenIssued;
import app.dossier.identity.ApiTokenRevoked;
import app.dossier.identity.PasswordChanged;
import app.dossier.identity.StaffAccessChanged;
import app.dossier.identity.StaffInvited;
import app.dossier.identity.StaffJoined;
import app.dossier.identity.StaffSignInFailed;
import app.dossier.identity.StaffSignedIn;
import app.dossier.links.LinkChanged;
import app.dossier.matters.MatterChanged;
import app.dossier.sharing.SharesChanged;
import app.dossier.storage.DataSizes;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns events into audit entries. Each listener runs after the event's transaction
 * committed, from the event publication registry, so an entry is written even if the
 * application stops in between.
 */
@Component
class AuditListeners {

	private final AuditLog log;

	AuditListeners(AuditLog log) {
		this.log = log;
	}

	@ApplicationModuleListener
	void on(StaffSignedIn event) {
		this.log.append(event.firmId(), event.occurredAt(), "staff.signed_in",
				new Actor(event.staffId(), event.email(), event.ip()), event.staffId(), event.email(), null);
	}

	@ApplicationModuleListener
	void on(StaffSignInFailed event) {
		this.log.append(event.firmId(), event.occurredAt(), "staff.sign_in_failed",
				new Actor(null, event.email(), event.ip()), event.staffId(), event.email(), event.reason());
	}

	@ApplicationModuleListener
	void on(StaffInvited event) {
		this.log.append(event.firmId(), event.occurredAt(), "staff.invited", event.by(), event.staffId(), event.email(),
				"role " + event.role());
	}

	@ApplicationModuleListener
	void on(StaffJoined event) {
		this.log.append(event.firmId(), event.occurredAt(), "staff.joined",
				new Actor(event.staffId(), event.email(), event.ip()), event.staffId(), event.email(), null);
	}

	@ApplicationModuleListener
	void on(StaffAccessChanged event) {
		String action = switch (event.change()) {
			case DISABLED -> "staff.disabled";
			case ENABLED -> "staff.enabled";
			case MADE_ADMIN, MADE_STAFF -> "staff.role_changed";
			case INVITATION_CANCELLED -> "staff.invitation_cancelled";
		};
		String details = switch (event.change()) {
			case MADE_ADMIN -> "role ADMIN";
			case MADE_STAFF -> "role STAFF";
			default -> null;
		};
		this.log.append(event.firmId(), event.occurredAt(), action, event.by(), event.staffId(), event.email(),
				details);
	}

	@ApplicationModuleListener
	void on(PasswordChanged event) {
		this.log.append(event.firmId(), event.occurredAt(), "staff.password_changed", event.by(), event.staffId(),
				event.by().label(), null);
	}

	@ApplicationModuleListener
	void on(ApiTokenIssued event) {
		this.log.append(event.firmId(), event.occurredAt(),
				event.personal() ? "token.personal_created" : "token.created", event.by(), event.tokenId(),
				event.name(), null);
	}

	@ApplicationModuleListener
	void on(ApiTokenRevoked event) {
		this.log.append(event.firmId(), event.occurredAt(), "token.revoked", event.by(), event.tokenId(), event.name(),
				null);
	}

	@ApplicationModuleListener
	void on(FirmCreated event) {
		this.log.append(event.firmId(), event.occurredAt(), "firm.created", event.by(), event.firmId(), event.name(),
				"by " + event.how() + ", administrator " + event.adminEmail());
	}

	@ApplicationModuleListener
	void on(FirmSettingsChanged event) {
		this.log.append(event.firmId(), event.occurredAt(), "settings.changed", event.by(), event.firmId(),
				event.setting(), event.setting() + ": \"" + event.oldValue() + "\" → \"" + event.newValue() + "\"");
	}

	@ApplicationModuleListener
	void on(ClientCreated event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "client.created", event.by(),
				event.clientId(), event.displayName(), null);
	}

	@ApplicationModuleListener
	void on(ClientChanged event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "client.changed", event.by(),
				event.clientId(), event.displayName(), change(event.field(), event.oldValue(), event.newValue()));
	}

	@ApplicationModuleListener
	void on(ClientDeleted event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "client.deleted", event.by(),
				event.clientId(), event.displayName(), null);
	}

	@ApplicationModuleListener
	void on(ContactsChanged event) {
		String action = switch (event.change()) {
			case ADDED -> "contact.added";
			case CHANGED -> "contact.changed";
			case REMOVED -> "contact.removed";
		};
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), action, event.by(), event.contactId(),
				event.contactEmail(), null);
	}

	@ApplicationModuleListener
	void on(ClientTeamChanged event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "client.team_changed", event.by(),
				event.clientId(), null,
				event.staffNames().isEmpty() ? "no one assigned" : "team: " + String.join(", ", event.staffNames()));
	}

	@ApplicationModuleListener
	void on(DocumentUploaded event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "document.uploaded", event.by(),
				event.documentId(), event.name(),
				DataSizes.format(event.size()) + ", SHA-256 " + event.sha256() + ", via " + event.source()
						+ (event.visibleToClient() ? ", visible to customer" : ", hidden from customer"));
	}

	@ApplicationModuleListener
	void on(DocumentDownloaded event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "document.downloaded", event.by(),
				event.documentId(), event.name(), null);
	}

	@ApplicationModuleListener
	void on(DocumentsDownloaded event) {
		for (DocumentsDownloaded.Item item : event.documents()) {
			this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "document.downloaded", event.by(),
					item.documentId(), item.name(), null);
		}
	}

	@ApplicationModuleListener
	void on(DocumentChanged event) {
		String action = switch (event.field()) {
			case "visibleToClient" -> "document.visibility_changed";
			case "name" -> "document.renamed";
			default -> "document.changed";
		};
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), action, event.by(), event.documentId(),
				event.name(), change(event.field(), event.oldValue(), event.newValue()));
	}

	@ApplicationModuleListener
	void on(DocumentDeleted event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "document.deleted", event.by(),
				event.documentId(), event.name(), "SHA-256 " + event.sha256());
	}

	@ApplicationModuleListener
	void on(DocumentMissing event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "document.missing", event.by(),
				event.documentId(), event.name(),
				"Its file was deleted directly in storage; the document is kept and hidden from customers");
	}

	@ApplicationModuleListener
	void on(FolderChanged event) {
		String action = switch (event.change()) {
			case CREATED -> "folder.created";
			case RENAMED -> "folder.renamed";
			case DELETED -> "folder.deleted";
		};
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), action, event.by(), event.folderId(),
				event.name(), (event.oldName() != null) ? "was \"" + event.oldName() + "\"" : null);
	}

	@ApplicationModuleListener
	void on(SharesChanged event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(),
				event.shared() ? "share.granted" : "share.removed", event.by(), event.shareId(), event.what(),
				(event.shared() ? "with " : "from ") + event.contactEmail()
						+ ((event.permission() != null) ? ", " + event.permission() : ""));
	}

	@ApplicationModuleListener
	void on(DocumentScanned event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(),
				event.clean() ? "document.scanned_clean" : "document.quarantined", new Actor(null, "Virus scanner", ""),
				event.documentId(), event.name(), event.clean() ? "sha256 " + event.sha256() : event.detail());
	}

	@ApplicationModuleListener
	void on(LinkChanged event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(),
				"link." + event.change().name().toLowerCase(java.util.Locale.ROOT), event.by(), event.linkId(),
				event.kind().name().toLowerCase(java.util.Locale.ROOT) + " link", event.details());
	}

	@ApplicationModuleListener
	void on(PortalAccessChanged event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(),
				event.granted() ? "portal.access_granted" : "portal.access_revoked", event.by(), event.contactId(),
				event.email(), null);
	}

	@ApplicationModuleListener
	void on(DocumentVersionAdded event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(),
				(event.restoredFrom() != null) ? "document.version_restored" : "document.version_added", event.by(),
				event.documentId(), event.name(),
				"version " + event.version()
						+ ((event.restoredFrom() != null) ? " (the bytes of version " + event.restoredFrom() + ")" : "")
						+ ", SHA-256 " + event.sha256());
	}

	@ApplicationModuleListener
	void on(MatterChanged event) {
		this.log.append(event.firmId(), event.clientId(), event.occurredAt(), "matter.changed", event.by(),
				event.matterId(), event.name(), event.what());
	}

	private static String change(String field, @Nullable String oldValue, @Nullable String newValue) {
		return field + ": " + quoted(oldValue) + " → " + quoted(newValue);
	}

	private static String quoted(@Nullable String value) {
		return (value == null) ? "(none)" : "\"" + value + "\"";
	}

}
