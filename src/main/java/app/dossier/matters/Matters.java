package app.dossier.matters;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Clients;
import app.dossier.documents.Document;
import app.dossier.documents.DocumentSort;
import app.dossier.documents.Documents;
import app.dossier.documents.Folder;
import app.dossier.documents.Folders;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.ConflictException;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A client's matters, each with its folder and document timeline. */
@Service
public class Matters {

	private final MatterStore store;

	private final Clients clients;

	private final Folders folders;

	private final Documents documents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Matters(MatterStore store, Clients clients, Folders folders, Documents documents, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.clients = clients;
		this.folders = folders;
		this.documents = documents;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Matter> ofClient(UUID firmId, UUID clientId) {
		this.clients.get(firmId, clientId);
		return this.store.ofClient(firmId, clientId);
	}

	@Transactional(readOnly = true)
	public Matter get(UUID firmId, UUID matterId) {
		return this.store.find(firmId, matterId).orElseThrow(() -> new NotFoundException("Matter"));
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Matter> find(UUID firmId, UUID matterId) {
		return this.store.find(firmId, matterId);
	}

	/** Opens a matter with a folder of the same name at the client's top level. */
	@Transactional
	public Matter open(CurrentStaff by, UUID clientId, String name, String type) {
		this.clients.get(by.firmId(), clientId);
		String validName = text("name", name, 120);
		String validType = text("type", type, 60);
		Folder folder = folderFor(by, clientId, validName);
		Matter matter = new Matter(UUID.randomUUID(), by.firmId(), clientId, validName, validType, MatterStatus.OPEN,
				folder.id(), this.clock.instant());
		this.store.insert(matter);
		this.events.publishEvent(new MatterChanged(by.firmId(), clientId, matter.id(), validName,
				"opened (" + validType + ")", by.actor(), matter.createdAt()));
		return matter;
	}

	@Transactional
	public Matter change(CurrentStaff by, UUID matterId, @Nullable String name, @Nullable String type,
			@Nullable MatterStatus status) {
		Matter old = get(by.firmId(), matterId);
		Matter updated = new Matter(old.id(), old.firmId(), old.clientId(),
				(name != null) ? text("name", name, 120) : old.name(),
				(type != null) ? text("type", type, 60) : old.type(), (status != null) ? status : old.status(),
				old.folderId(), old.createdAt());
		if (!updated.equals(old)) {
			this.store.update(updated);
			String what = (updated.status() != old.status())
					? ((updated.status() == MatterStatus.CLOSED) ? "closed" : "reopened") : "changed";
			this.events.publishEvent(new MatterChanged(by.firmId(), old.clientId(), old.id(), updated.name(), what,
					by.actor(), this.clock.instant()));
		}
		return updated;
	}

	/** The matter's documents (its folder and the folders inside), newest first. */
	public List<Document> timeline(UUID firmId, UUID matterId) {
		Matter matter = get(firmId, matterId);
		List<Folder> all = this.folders.ofClient(firmId, matter.clientId());
		Set<UUID> inside = Folders.withDescendants(all, Set.of(matter.folderId()));
		return this.documents.inFolders(firmId, matter.clientId(), inside,
				new DocumentSort(DocumentSort.Key.CREATED, true));
	}

	/**
	 * A matter's timeline label: "Document", or "Document (Portal)" for a customer's
	 * upload.
	 */
	public static String label(Document document) {
		return switch (document.source()) {
			case STAFF -> "Document";
			case PORTAL -> "Document (Portal)";
			case LINK -> "Document (Secure link)";
			case STORAGE -> "Document (Storage)";
		};
	}

	private Folder folderFor(CurrentStaff by, UUID clientId, String name) {
		// Checked before creating: an exception from a joined transaction would doom this
		// one.
		for (int n = 1; n <= 100; n++) {
			String candidate = (n == 1) ? name : name + " (" + n + ")";
			if (!this.folders.nameTaken(by.firmId(), clientId, null, candidate)) {
				return this.folders.create(by, clientId, candidate, null);
			}
		}
		throw new ConflictException("There are too many folders named \"" + name + "\" already.");
	}

	private static String text(String field, @Nullable String value, int max) {
		String trimmed = (value != null) ? value.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > max || trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException(field, "Enter 1 to " + max + " characters.");
		}
		return trimmed;
	}

}
