package app.dossier.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.clients.Clients;
import app.dossier.firms.Firms;
import app.dossier.identity.Actor;
import app.dossier.shared.UnavailableException;
import app.dossier.storage.Checksums;
import app.dossier.storage.FileNames;
import app.dossier.storage.FileStorage;
import app.dossier.storage.FolderChanges;
import app.dossier.storage.StorageFolder;
import app.dossier.storage.StoredFile;
import app.dossier.storage.WritesInProgress;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a client's documents in line with what is in its storage folder, for files
 * people add, change or delete there directly (in their Dropbox, the bucket, the disk).
 * New files become documents with default details; files changed in place become a new
 * version; files that are gone mark their document missing, which keeps its details and
 * history but takes it out of the portal. Only the folder's own level is read: Dossier's
 * sub-folders are its own and do not exist in storage.
 */
@Service
public class Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	/** How often opening a client's files may trigger a reconciliation. */
	private static final Duration ON_DEMAND = Duration.ofMinutes(1);

	private static final Duration EXPLICIT_WAIT = Duration.ofSeconds(30);

	private static final Set<String> IGNORED = Set.of("desktop.ini", "thumbs.db", "icon\r");

	private final DocumentStore store;

	private final SyncStore sync;

	private final VersionStore versions;

	private final FileStorage storage;

	private final WritesInProgress writes;

	private final Clients clients;

	private final Firms firms;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ScanStatus firstScan;

	private final Duration interval;

	private final Map<UUID, Instant> lookedAt = new ConcurrentHashMap<>();

	Reconciliation(DocumentStore store, SyncStore sync, VersionStore versions, FileStorage storage,
			WritesInProgress writes, Clients clients, Firms firms, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions, @Value("${dossier.scan.clamd.host:}") String clamdHost,
			@Value("${dossier.storage.reconcile.interval:PT15M}") Duration interval) {
		this.store = store;
		this.sync = sync;
		this.versions = versions;
		this.storage = storage;
		this.writes = writes;
		this.clients = clients;
		this.firms = firms;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.firstScan = clamdHost.isBlank() ? ScanStatus.NOT_SCANNED : ScanStatus.PENDING;
		this.interval = interval;
	}

	/**
	 * Reconciles the client's folder now, waiting for one that is already running;
	 * answers what changed.
	 */
	public Result reconcile(UUID firmId, UUID clientId) {
		this.clients.get(firmId, clientId);
		Instant deadline = this.clock.instant().plus(EXPLICIT_WAIT);
		Optional<SyncStore.Claim> claim;
		while ((claim = claim(firmId, clientId, Duration.ZERO)).isEmpty()) {
			if (this.clock.instant().isAfter(deadline)) {
				throw new UnavailableException("Another check of this client's storage folder is still running."
						+ " Please try again in a minute.", null);
			}
			sleep();
		}
		return run(firmId, clientId, claim.get());
	}

	/**
	 * Reconciles the client's folder if that was not done in the last minute: called when
	 * someone opens or lists the files. Never fails the caller: trouble is logged and the
	 * files are shown as they were.
	 */
	public void ifDue(UUID firmId, UUID clientId) {
		Instant now = this.clock.instant();
		Instant last = this.lookedAt.get(clientId);
		if (last != null && now.isBefore(last.plus(ON_DEMAND)) && !now.isBefore(last)) {
			// Looked at from this server within the minute: the database would refuse the
			// claim anyway, and asking costs two writes on every page view.
			return;
		}
		this.lookedAt.put(clientId, now);
		try {
			claim(firmId, clientId, ON_DEMAND).ifPresent((claim) -> run(firmId, clientId, claim));
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the storage folder of client {}: {}", clientId, ex.toString());
		}
	}

	/** Every client folder in turn, the least recently checked first. */
	@Scheduled(initialDelayString = "${dossier.storage.reconcile.initial-delay:PT2M}",
			fixedDelayString = "${dossier.storage.reconcile.interval:PT15M}")
	@SchedulerLock(name = "storage-reconciliation", lockAtMostFor = "PT1H")
	void reconcileAll() {
		Instant started = this.clock.instant();
		for (SyncStore.ClientRef client : this.sync.due(started.minus(this.interval), 10_000)) {
			try {
				claim(client.firmId(), client.clientId(), this.interval)
					.ifPresent((claim) -> run(client.firmId(), client.clientId(), claim));
			}
			catch (RuntimeException ex) {
				log.warn("Could not check the storage folder of client {}: {}", client.clientId(), ex.toString());
			}
		}
	}

	private Optional<SyncStore.Claim> claim(UUID firmId, UUID clientId, Duration interval) {
		try {
			this.transaction.executeWithoutResult((status) -> this.sync.ensureRow(firmId, clientId));
		}
		catch (org.springframework.dao.DuplicateKeyException meanwhile) {
			// Another look made the row a moment ago.
		}
		return Objects.requireNonNull(this.transaction
			.execute((status) -> this.sync.claim(firmId, clientId, this.clock.instant(), interval)));
	}

	private Result run(UUID firmId, UUID clientId, SyncStore.Claim claim) {
		@Nullable String marker = claim.marker();
		try {
			Optional<StorageFolder> folder = this.clients.existingFolderOf(firmId, clientId);
			if (folder.isEmpty()) {
				return Result.NOTHING;
			}
			Pass pass = new Pass(firmId, clientId, folder.get());
			FolderChanges changes = this.storage.changes(folder.get(), claim.marker());
			Result result = pass.apply(changes);
			if (!pass.deferred) {
				marker = changes.marker();
			}
			return result;
		}
		finally {
			String next = marker;
			this.transaction.executeWithoutResult((status) -> this.sync.release(clientId, next, this.clock.instant()));
		}
	}

	private static boolean ignored(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		// Hidden files, Office's lock files and what desktops leave behind.
		return lower.startsWith(".") || lower.startsWith("~$") || IGNORED.contains(lower);
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnavailableException("Interrupted", ex);
		}
	}

	/** One reconciliation of one folder. */
	private final class Pass {

		private final UUID firmId;

		private final UUID clientId;

		private final StorageFolder folder;

		private final Map<String, Document> byKey = new HashMap<>();

		private final Set<String> versionKeys;

		private final Map<UUID, String> seen;

		/** A file was left for the next pass; the marker must not move past it. */
		boolean deferred;

		private int added;

		private int changed;

		private int missing;

		private int restored;

		Pass(UUID firmId, UUID clientId, StorageFolder folder) {
			this.firmId = firmId;
			this.clientId = clientId;
			this.folder = folder;
			for (Document document : Reconciliation.this.store.ofClient(firmId, clientId)) {
				this.byKey.put(document.storageKey(), document);
			}
			this.versionKeys = new HashSet<>(Reconciliation.this.store.versionKeys(firmId, clientId));
			this.seen = Reconciliation.this.store.storageVersions(firmId, clientId);
		}

		Result apply(FolderChanges changes) {
			if (changes.isEmpty()) {
				return Result.NOTHING;
			}
			Set<String> present = new HashSet<>();
			for (StoredFile file : changes.files()) {
				present.add(file.key());
				if (!ignored(file.name())) {
					file(file);
				}
			}
			if (changes.complete()) {
				this.byKey.values()
					.stream()
					.filter((document) -> !present.contains(document.storageKey()))
					.forEach(this::gone);
			}
			else {
				changes.removed().stream().map(this.byKey::get).filter(Objects::nonNull).forEach(this::gone);
			}
			return new Result(this.added, this.changed, this.missing, this.restored);
		}

		private void file(StoredFile file) {
			Document document = this.byKey.get(file.key());
			if (document == null) {
				if (this.versionKeys.contains(file.key())) {
					return;
				}
				if (Reconciliation.this.writes.any(this.folder)) {
					this.deferred = true;
					return;
				}
				add(file);
				return;
			}
			if (document.missingSince() != null) {
				Reconciliation.this.transaction
					.executeWithoutResult((status) -> Reconciliation.this.store.found(this.firmId, document.id()));
				this.restored++;
			}
			String known = this.seen.get(document.id());
			if (file.version().equals(known)) {
				return;
			}
			if (known == null && file.size() == document.size()) {
				// Written by Dossier and not seen since: the size agrees, so take this as
				// its version rather than reading the whole file again.
				record(document, file);
				return;
			}
			Read read = read(file);
			if (read.sha256().equals(document.sha256())) {
				record(document, file);
				return;
			}
			newVersion(document, file, read);
		}

		private void gone(Document document) {
			if (document.missingSince() != null) {
				return;
			}
			// A listing is a moment's view: a file Dossier filed just after it was taken
			// is there, so ask once more before calling it gone.
			if (Reconciliation.this.storage.stat(this.firmId, document.storageKey()).isPresent()) {
				return;
			}
			Instant now = Reconciliation.this.clock.instant();
			Reconciliation.this.transaction.executeWithoutResult((status) -> {
				if (Reconciliation.this.store.markMissing(this.firmId, document.id(), now)) {
					Reconciliation.this.events.publishEvent(new DocumentMissing(this.firmId, this.clientId,
							document.id(), document.name(), storageActor(), now));
				}
			});
			this.missing++;
		}

		private void add(StoredFile file) {
			Read read = read(file);
			String name = FileNames.displayName(file.name().replace('/', '_'));
			if (name.isEmpty()) {
				return;
			}
			boolean visible = Reconciliation.this.firms.settings(this.firmId).newDocumentsVisibleByDefault();
			Instant now = Reconciliation.this.clock.instant();
			Actor by = storageActor();
			Document document = new Document(UUID.randomUUID(), this.firmId, this.clientId, name, file.key(),
					read.size(), read.sha256(), ContentTypes.detect(read.head(), name), visible, false, null, null,
					DocumentSource.STORAGE, null, null, by.label(), file.modified(), now, null, 1,
					Reconciliation.this.firstScan, null);
			Reconciliation.this.transaction.executeWithoutResult((status) -> {
				Reconciliation.this.store.insert(document);
				Reconciliation.this.store.seen(this.firmId, document.id(), file.version());
				Reconciliation.this.versions.insert(DocumentVersion.of(document, document.id()));
				Reconciliation.this.events.publishEvent(new DocumentUploaded(this.firmId, this.clientId, document.id(),
						name, read.size(), read.sha256(), DocumentSource.STORAGE, visible, null, by, now));
			});
			this.added++;
		}

		private void newVersion(Document old, StoredFile file, Read read) {
			Instant now = Reconciliation.this.clock.instant();
			Actor by = storageActor();
			Document current = new Document(old.id(), old.firmId(), old.clientId(), old.name(), file.key(), read.size(),
					read.sha256(), ContentTypes.detect(read.head(), old.name()), old.visibleToClient(),
					old.showOnDashboard(), old.notes(), old.documentDate(), old.source(), old.uploadedByStaff(),
					old.uploadedByContact(), old.uploadedByLabel(), old.createdAt(), now, old.folderId(),
					old.version() + 1, Reconciliation.this.firstScan, null);
			Reconciliation.this.transaction.executeWithoutResult((status) -> {
				Reconciliation.this.store.update(current);
				Reconciliation.this.store.seen(this.firmId, old.id(), file.version());
				Reconciliation.this.versions.insert(new DocumentVersion(UUID.randomUUID(), this.firmId, old.id(),
						current.version(), current.name(), file.key(), current.size(), current.sha256(),
						current.contentType(), null, null, by.label(), now));
				Reconciliation.this.events.publishEvent(new DocumentVersionAdded(this.firmId, this.clientId, old.id(),
						old.name(), current.version(), current.sha256(), current.size(), null, by, now));
			});
			this.changed++;
		}

		private void record(Document document, StoredFile file) {
			Reconciliation.this.transaction.executeWithoutResult(
					(status) -> Reconciliation.this.store.seen(this.firmId, document.id(), file.version()));
		}

		/** Reads the file through once for its checksum and first bytes. */
		private Read read(StoredFile file) {
			try (InputStream in = Reconciliation.this.storage.read(this.firmId, file.key())) {
				byte[] head = in.readNBytes(8 * 1024);
				MessageDigest digest = Checksums.sha256();
				digest.update(head);
				byte[] buffer = new byte[64 * 1024];
				long size = head.length;
				int n;
				while ((n = in.read(buffer)) != -1) {
					digest.update(buffer, 0, n);
					size += n;
				}
				return new Read(size, Checksums.hex(digest), Arrays.copyOf(head, head.length));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private Actor storageActor() {
			return new Actor(null, "Added in storage (" + this.folder.platform().shortName() + ")", "");
		}

	}

	private record Read(long size, String sha256, byte[] head) {
	}

	/**
	 * What one reconciliation did.
	 *
	 * @param added files found in storage that became documents
	 * @param changed documents whose file was changed in storage (each a new version)
	 * @param missing documents whose file is gone from storage
	 * @param restored missing documents whose file is back
	 */
	public record Result(int added, int changed, int missing, int restored) {

		static final Result NOTHING = new Result(0, 0, 0, 0);

	}

}
