package app.dossier.documents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.ClientCreated;
import app.dossier.clients.Clients;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.ConflictException;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The folders of each client's files. Every client starts with "Client Uploads", where
 * its portal contacts may upload; staff may rename or remove it like any other.
 */
@Service
public class Folders {

	public static final String UPLOADS_NAME = "Client Uploads";

	private static final int MAX_NAME = 120;

	private final FolderStore store;

	private final Clients clients;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Folders(FolderStore store, Clients clients, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.clients = clients;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * In the transaction that created the client, so a client never exists without it.
	 */
	@EventListener
	void on(ClientCreated event) {
		this.store.insert(new Folder(UUID.randomUUID(), event.firmId(), event.clientId(), null, UPLOADS_NAME,
				Folder.UPLOADS, event.occurredAt()));
	}

	@Transactional(readOnly = true)
	public List<Folder> ofClient(UUID firmId, UUID clientId) {
		this.clients.get(firmId, clientId);
		return this.store.ofClient(firmId, clientId);
	}

	/**
	 * @throws NotFoundException for unknown ids and other firms' folders
	 */
	@Transactional(readOnly = true)
	public Folder get(UUID firmId, UUID folderId) {
		return this.store.find(firmId, folderId).orElseThrow(() -> new NotFoundException("Folder"));
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Folder> find(UUID firmId, UUID folderId) {
		return this.store.find(firmId, folderId);
	}

	/** Whether a sibling folder has this name already (ignoring case). */
	@Transactional(readOnly = true)
	public boolean nameTaken(UUID firmId, UUID clientId, @Nullable UUID parentId, String name) {
		return this.store.nameTaken(firmId, clientId, parentId, name.strip(), null);
	}

	/** The client's "Client Uploads" folder, if it still has one. */
	@Transactional(readOnly = true)
	public @Nullable Folder uploadsFolder(UUID firmId, UUID clientId) {
		return this.store.ofClient(firmId, clientId).stream().filter(Folder::isUploads).findFirst().orElse(null);
	}

	@Transactional
	public Folder create(CurrentStaff by, UUID clientId, String name, @Nullable UUID parentId) {
		this.clients.get(by.firmId(), clientId);
		if (parentId != null) {
			Folder parent = get(by.firmId(), parentId);
			if (!parent.clientId().equals(clientId)) {
				throw new InvalidInputException("parentId", "The parent folder belongs to another client.");
			}
		}
		String valid = name(name);
		if (this.store.nameTaken(by.firmId(), clientId, parentId, valid, null)) {
			throw new ConflictException("A folder named \"" + valid + "\" is already there.");
		}
		Folder folder = new Folder(UUID.randomUUID(), by.firmId(), clientId, parentId, valid, null,
				this.clock.instant());
		this.store.insert(folder);
		this.events.publishEvent(new FolderChanged(by.firmId(), clientId, folder.id(), valid, null,
				FolderChanged.Change.CREATED, by.actor(), folder.createdAt()));
		return folder;
	}

	@Transactional
	public Folder rename(CurrentStaff by, UUID folderId, String name) {
		Folder folder = get(by.firmId(), folderId);
		String valid = name(name);
		if (this.store.nameTaken(by.firmId(), folder.clientId(), folder.parentId(), valid, folder.id())) {
			throw new ConflictException("A folder named \"" + valid + "\" is already there.");
		}
		if (!valid.equals(folder.name())) {
			this.store.rename(by.firmId(), folderId, valid);
			this.events.publishEvent(new FolderChanged(by.firmId(), folder.clientId(), folderId, valid, folder.name(),
					FolderChanged.Change.RENAMED, by.actor(), this.clock.instant()));
		}
		return new Folder(folder.id(), folder.firmId(), folder.clientId(), folder.parentId(), valid, folder.purpose(),
				folder.createdAt());
	}

	/** Removes an empty folder (and its shares); a folder with contents answers 409. */
	@Transactional
	public void delete(CurrentStaff by, UUID folderId) {
		Folder folder = get(by.firmId(), folderId);
		if (!this.store.isEmpty(by.firmId(), folderId)) {
			throw new ConflictException("This folder is not empty. Move or delete what is in it first.");
		}
		this.store.delete(by.firmId(), folderId);
		this.events.publishEvent(new FolderChanged(by.firmId(), folder.clientId(), folderId, folder.name(), null,
				FolderChanged.Change.DELETED, by.actor(), this.clock.instant()));
	}

	/** The folder and every folder below it. */
	public static Set<UUID> withDescendants(List<Folder> folders, Set<UUID> roots) {
		Map<UUID, List<UUID>> children = new HashMap<>();
		for (Folder folder : folders) {
			if (folder.parentId() != null) {
				children.computeIfAbsent(folder.parentId(), (k) -> new ArrayList<>()).add(folder.id());
			}
		}
		Set<UUID> result = new HashSet<>();
		List<UUID> pending = new ArrayList<>(roots);
		while (!pending.isEmpty()) {
			UUID next = pending.remove(pending.size() - 1);
			if (result.add(next)) {
				pending.addAll(children.getOrDefault(next, List.of()));
			}
		}
		return result;
	}

	/** From the top level down to the folder, for breadcrumbs. */
	public static List<Folder> path(List<Folder> folders, @Nullable UUID folderId) {
		Map<UUID, Folder> byId = new HashMap<>();
		folders.forEach((folder) -> byId.put(folder.id(), folder));
		List<Folder> path = new ArrayList<>();
		Folder current = (folderId != null) ? byId.get(folderId) : null;
		while (current != null && path.size() < 100) {
			path.add(0, current);
			current = (current.parentId() != null) ? byId.get(current.parentId()) : null;
		}
		return path;
	}

	static String name(@Nullable String name) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("name", "Enter a folder name.");
		}
		if (trimmed.length() > MAX_NAME) {
			throw new InvalidInputException("name", "Use at most " + MAX_NAME + " characters for a folder name.");
		}
		if (trimmed.contains("/") || trimmed.contains("\\") || trimmed.equals(".") || trimmed.equals("..")
				|| trimmed.codePoints()
					.anyMatch((c) -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
			throw new InvalidInputException("name",
					"A folder name cannot contain / or \\, be \".\" or \"..\", or hold invisible characters.");
		}
		return trimmed;
	}

}
