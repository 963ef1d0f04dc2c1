package app.dossier.clients;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.firms.Firm;
import app.dossier.firms.Firms;
import app.dossier.identity.CurrentStaff;
import app.dossier.identity.StaffDirectory;
import app.dossier.identity.StaffSummary;
import app.dossier.shared.ConflictException;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.storage.FileNames;
import app.dossier.storage.FileStorage;
import app.dossier.storage.Platform;
import app.dossier.storage.StorageFolder;
import app.dossier.storage.StoragePlatforms;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** A firm's clients: every staff member may see and manage them. */
@Service
public class Clients {

	public static final int PAGE_SIZE = 25;

	private final ClientStore store;

	private final Firms firms;

	private final StaffDirectory staff;

	private final DocumentCounts documents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final StoragePlatforms platforms;

	private final FileStorage storage;

	private final TransactionTemplate separately;

	Clients(ClientStore store, Firms firms, StaffDirectory staff, DocumentCounts documents,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
			StoragePlatforms platforms, FileStorage storage) {
		this.store = store;
		this.platforms = platforms;
		this.storage = storage;
		this.firms = firms;
		this.staff = staff;
		this.documents = documents;
		this.events = events;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Transactional
	public Client create(CurrentStaff by, ClientDetails details) {
		Client client = new Client(UUID.randomUUID(), by.firmId(),
				Checks.name("displayName", details.displayName(), 200), Checks.optionalEmail("email", details.email()),
				Checks.optionalPhone("phone", details.phone()), Checks.optionalText("notes", details.notes(), 4000),
				ClientStatus.ACTIVE, null, null, null, this.clock.instant());
		this.store.insert(client);
		this.events.publishEvent(
				new ClientCreated(client.firmId(), client.id(), client.displayName(), by.actor(), client.createdAt()));
		return client;
	}

	/**
	 * @throws NotFoundException when the client does not exist or belongs to another firm
	 */
	@Transactional(readOnly = true)
	public Client get(UUID firmId, UUID clientId) {
		return this.store.find(firmId, clientId).orElseThrow(() -> new NotFoundException("Client"));
	}

	@Transactional(readOnly = true)
	public ClientPage search(CurrentStaff caller, @Nullable String text, @Nullable ClientStatus status,
			boolean assignedToMe, int page) {
		int number = Math.max(0, page);
		ClientStore.Query query = new ClientStore.Query(text, status, assignedToMe ? caller.staffId() : null);
		List<Client> clients = this.store.search(caller.firmId(), query, PAGE_SIZE, number * PAGE_SIZE);
		List<UUID> ids = clients.stream().map(Client::id).toList();
		Map<UUID, Long> counts = clients.isEmpty() ? Map.of() : this.documents.byClient(caller.firmId(), ids);
		Map<UUID, Long> fresh = clients.isEmpty() ? Map.of()
				: this.documents.newFor(caller.firmId(), caller.staffId(), ids);
		return new ClientPage(clients.stream()
			.map((client) -> new ClientPage.Listed(client, counts.getOrDefault(client.id(), 0L),
					fresh.getOrDefault(client.id(), 0L)))
			.toList(), number, PAGE_SIZE, this.store.count(caller.firmId(), query));
	}

	@Transactional(readOnly = true)
	public long documentCount(UUID firmId, UUID clientId) {
		return this.documents.byClient(firmId, List.of(clientId)).getOrDefault(clientId, 0L);
	}

	@Transactional(readOnly = true)
	public long newDocumentCount(CurrentStaff caller, UUID clientId) {
		return this.documents.newFor(caller.firmId(), caller.staffId(), List.of(clientId)).getOrDefault(clientId, 0L);
	}

	@Transactional
	public Client change(CurrentStaff by, UUID clientId, ClientDetails change) {
		Client old = get(by.firmId(), clientId);
		Client updated = old.withDetails(
				(change.displayName() != null) ? Checks.name("displayName", change.displayName(), 200)
						: old.displayName(),
				(change.email() != null) ? Checks.optionalEmail("email", change.email()) : old.email(),
				(change.phone() != null) ? Checks.optionalPhone("phone", change.phone()) : old.phone(),
				(change.notes() != null) ? Checks.optionalText("notes", change.notes(), 4000) : old.notes(),
				(change.status() != null) ? change.status() : old.status());
		if (updated.equals(old)) {
			return old;
		}
		this.store.update(updated);
		changed(by, updated, "displayName", old.displayName(), updated.displayName());
		changed(by, updated, "email", old.email(), updated.email());
		changed(by, updated, "phone", old.phone(), updated.phone());
		changed(by, updated, "notes", old.notes(), updated.notes());
		changed(by, updated, "status", old.status().name(), updated.status().name());
		return updated;
	}

	private void changed(CurrentStaff by, Client client, String field, @Nullable String oldValue,
			@Nullable String newValue) {
		if (!Objects.equals(oldValue, newValue)) {
			this.events.publishEvent(new ClientChanged(client.firmId(), client.id(), client.displayName(), field,
					oldValue, newValue, by.actor(), this.clock.instant()));
		}
	}

	/**
	 * Deletes a client that has no documents, with its contacts and team; a client with
	 * documents is archived instead, so nothing is lost by a slip.
	 */
	@Transactional
	public void delete(CurrentStaff by, UUID clientId) {
		Client client = get(by.firmId(), clientId);
		if (documentCount(by.firmId(), clientId) > 0) {
			throw new ConflictException("This client still has documents. Delete them first, or archive the client.");
		}
		this.store.delete(by.firmId(), clientId);
		this.events.publishEvent(new ClientDeleted(client.firmId(), client.id(), client.displayName(), by.actor(),
				this.clock.instant()));
	}

	@Transactional(readOnly = true)
	public List<StaffSummary> team(UUID firmId, UUID clientId) {
		get(firmId, clientId);
		List<UUID> ids = this.store.team(firmId, clientId);
		return this.staff.members(firmId).stream().filter((member) -> ids.contains(member.id())).toList();
	}

	@Transactional
	public List<StaffSummary> assignTeam(CurrentStaff by, UUID clientId, List<UUID> staffIds) {
		Client client = get(by.firmId(), clientId);
		List<StaffSummary> members = this.staff.members(by.firmId());
		List<StaffSummary> team = new ArrayList<>();
		for (UUID id : new LinkedHashSet<>(staffIds)) {
			team.add(members.stream()
				.filter((member) -> member.id().equals(id))
				.findFirst()
				.orElseThrow(
						() -> new InvalidInputException("staffIds", "No one at your firm has the id " + id + ".")));
		}
		List<UUID> before = this.store.team(by.firmId(), clientId);
		List<UUID> after = team.stream().map(StaffSummary::id).toList();
		if (!new LinkedHashSet<>(before).equals(new LinkedHashSet<>(after))) {
			this.store.replaceTeam(by.firmId(), clientId, after);
			this.events.publishEvent(new ClientTeamChanged(client.firmId(), client.id(),
					team.stream().map(StaffSummary::name).toList(), by.actor(), this.clock.instant()));
		}
		return team;
	}

	/**
	 * The client's folder name: the fixed one, or, before the client's files were first
	 * touched, the one it would get now.
	 */
	@Transactional(readOnly = true)
	public String folderNameOf(Client client) {
		if (client.folderName() != null) {
			return client.folderName();
		}
		String root = this.firms.settings(client.firmId()).customersRoot();
		String base = FileNames.folderName(client.displayName());
		for (int n = 1;; n++) {
			String name = FileNames.numberedFolder(base, n);
			if (!this.store.folderTaken(client.firmId(), (root + "/" + name).toLowerCase(Locale.ROOT))) {
				return name;
			}
		}
	}

	/**
	 * The client's folder, chosen the first time it is asked for and fixed from then on:
	 * on the firm's storage platform of that moment, the display name made file-safe,
	 * under the firm's customers folder as it is at that moment, with "-2", "-3", … if
	 * another client has the name. Runs in its own transaction, so call it before
	 * starting one that writes files.
	 */
	public StorageFolder folderOf(UUID firmId, UUID clientId) {
		Client client = get(firmId, clientId);
		if (client.folderName() != null && client.folderRoot() != null && client.storagePlatform() != null) {
			Platform platform = Platform.of(client.storagePlatform()).orElseThrow();
			return folder(firmId, platform, client.folderRoot(), client.folderName());
		}
		Platform platform = this.platforms.platformFor(firmId);
		String root = this.firms.settings(firmId).customersRoot();
		String base = FileNames.folderName(client.displayName());
		for (int n = 1;; n++) {
			String name = FileNames.numberedFolder(base, n);
			String key = (root + "/" + name).toLowerCase(Locale.ROOT);
			if (this.store.folderTaken(firmId, key)) {
				continue;
			}
			try {
				Boolean assigned = this.separately
					.execute((status) -> this.store.assignFolder(firmId, clientId, platform.id(), root, name, key));
				if (Boolean.TRUE.equals(assigned)) {
					StorageFolder folder = folder(firmId, platform, root, name);
					this.storage.ensureFolder(folder);
					return folder;
				}
				// Another request fixed the folder first: use theirs.
				return folderOf(firmId, clientId);
			}
			catch (DuplicateKeyException taken) {
				// Another client took this name a moment ago; try the next.
			}
		}
	}

	/** The client's folder if it has one yet; asking does not create it. */
	public java.util.Optional<StorageFolder> existingFolderOf(UUID firmId, UUID clientId) {
		Client client = get(firmId, clientId);
		if (client.folderName() == null || client.folderRoot() == null || client.storagePlatform() == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(folder(firmId, Platform.of(client.storagePlatform()).orElseThrow(),
				client.folderRoot(), client.folderName()));
	}

	/**
	 * Records that the client's files now live on another platform, in a folder of the
	 * same name; the caller has copied them there.
	 */
	public StorageFolder moveFolder(UUID firmId, UUID clientId, Platform platform) {
		Client client = get(firmId, clientId);
		this.store.movePlatform(firmId, clientId, platform.id());
		return folder(firmId, platform, Objects.requireNonNull(client.folderRoot()),
				Objects.requireNonNull(client.folderName()));
	}

	/** Clients whose folder is on another platform than the one given. */
	public List<UUID> withFoldersNotOn(UUID firmId, Platform platform) {
		return this.store.withFoldersNotOn(firmId, platform.id());
	}

	/** Where a client folder would be on a platform, without changing anything. */
	public StorageFolder folderOn(UUID firmId, UUID clientId, Platform platform) {
		StorageFolder current = folderOf(firmId, clientId);
		Client client = get(firmId, clientId);
		return (current.platform() == platform) ? current : folder(firmId, platform,
				Objects.requireNonNull(client.folderRoot()), Objects.requireNonNull(client.folderName()));
	}

	/**
	 * On the installation's own storage, firms' folders sit side by side under each
	 * firm's name; a firm's own account holds only that firm's, so they start at its top
	 * level.
	 */
	private StorageFolder folder(UUID firmId, Platform platform, String root, String name) {
		if (platform.shared()) {
			Firm firm = this.firms.get(firmId);
			return new StorageFolder(firmId, platform, List.of(firm.slug(), root, name));
		}
		return new StorageFolder(firmId, platform, List.of(root, name));
	}

}
