package app.dossier.documents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.clients.Clients;
import app.dossier.firms.Firms;
import app.dossier.identity.Actor;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.ForbiddenException;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.storage.FileNames;
import app.dossier.storage.FileStorage;
import app.dossier.storage.StorageFolder;
import app.dossier.storage.WritesInProgress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A firm's documents. Writing a file and recording it are one unit: a document row exists
 * only for bytes that are in place, and bytes are removed again if the row could not be
 * written.
 */
@Service
public class Documents {

	private static final Logger log = LoggerFactory.getLogger(Documents.class);

	private final DocumentStore store;

	private final FolderStore folders;

	private final VersionStore versions;

	private final FileStorage storage;

	private final WritesInProgress writes;

	private final Reconciliation reconciliation;

	private final Clients clients;

	private final Firms firms;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	/** New bytes wait for the virus scanner when one is configured. */
	private final ScanStatus firstScan;

	Documents(DocumentStore store, FolderStore folders, VersionStore versions, FileStorage storage,
			WritesInProgress writes, Reconciliation reconciliation, Clients clients, Firms firms,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
			@Value("${dossier.scan.clamd.host:}") String clamdHost) {
		this.firstScan = clamdHost.isBlank() ? ScanStatus.NOT_SCANNED : ScanStatus.PENDING;
		this.store = store;
		this.folders = folders;
		this.versions = versions;
		this.storage = storage;
		this.writes = writes;
		this.reconciliation = reconciliation;
		this.clients = clients;
		this.firms = firms;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * A client's documents; the first look at them fixes the client's folder name, and a
	 * look brings in changes made directly in storage (at most once a minute).
	 */
	public List<Document> list(UUID firmId, UUID clientId, DocumentSort sort, @Nullable String text) {
		lookAt(firmId, clientId);
		return Objects.requireNonNull(this.readOnly.execute((status) -> this.store.list(firmId, clientId, sort, text)));
	}

	/** One page of {@link #list}: the API's document list. */
	public DocumentPage page(UUID firmId, UUID clientId, DocumentSort sort, @Nullable String text, int offset,
			int limit) {
		return page(firmId, clientId, sort, text, null, offset, limit);
	}

	/**
	 * One page of {@link #list}, only the documents in {@code folders} when given: the
	 * staff Files page, which shows a folder with the folders inside it.
	 */
	public DocumentPage page(UUID firmId, UUID clientId, DocumentSort sort, @Nullable String text,
			@Nullable Set<UUID> folders, int offset, int limit) {
		DocumentPage.check(offset, limit);
		lookAt(firmId, clientId);
		// One more than asked says whether another page follows without counting them
		// all.
		List<Document> found = Objects.requireNonNull(this.readOnly
			.execute((status) -> this.store.list(firmId, clientId, sort, text, folders, offset, limit + 1)));
		boolean more = found.size() > limit;
		return new DocumentPage(more ? found.subList(0, limit) : found, offset, limit, more);
	}

	/**
	 * Documents for staff to choose from (to share, to offer through a link): the first
	 * hundred by name, only those named like {@code find} when it is not blank. A client
	 * may hold tens of thousands; staff find the one they want by name.
	 */
	public DocumentPage choices(UUID firmId, UUID clientId, String find) {
		return page(firmId, clientId, DocumentSort.DEFAULT, find.isBlank() ? null : find, 0,
				DocumentPage.DEFAULT_LIMIT);
	}

	/**
	 * What a look at a client's list does first: fix its folder, bring storage changes
	 * in.
	 */
	private void lookAt(UUID firmId, UUID clientId) {
		this.clients.folderOf(firmId, clientId);
		this.reconciliation.ifDue(firmId, clientId);
	}

	public java.util.Optional<Document> find(UUID firmId, UUID documentId) {
		return Objects.requireNonNull(this.readOnly.execute((status) -> this.store.find(firmId, documentId)));
	}

	/**
	 * The firm's documents among these ids, in no particular order, in one query: for
	 * names on a page of shares or choices. Keep {@code ids} to a page's worth.
	 */
	public List<Document> find(UUID firmId, List<UUID> ids) {
		return Objects.requireNonNull(this.readOnly.execute((status) -> this.store.find(firmId, ids)));
	}

	/**
	 * A staff member opens a client's files: answers when they last did (null: never),
	 * which marks what customers added since as new, and records this time.
	 */
	public @Nullable Instant opened(CurrentStaff staff, UUID clientId) {
		Instant now = this.clock.instant();
		try {
			return this.transaction
				.execute((status) -> this.store.opened(staff.firmId(), staff.staffId(), clientId, now));
		}
		catch (org.springframework.dao.DuplicateKeyException twoTabsAtOnce) {
			return null;
		}
	}

	/**
	 * At most {@code limit} of the documents a contact sees, from {@code offset} on, in
	 * the sort's order ({@code Integer.MAX_VALUE}: all of them).
	 */
	public List<Document> seen(CustomerView view, SeenFilter filter, DocumentSort sort, int offset, int limit) {
		return Objects
			.requireNonNull(this.readOnly.execute((status) -> this.store.seen(view, filter, sort, offset, limit)));
	}

	/** How many documents {@link #seen} would list without a limit. */
	public int countSeen(CustomerView view, SeenFilter filter) {
		return Objects.requireNonNull(this.readOnly.execute((status) -> this.store.countSeen(view, filter)));
	}

	/**
	 * What a download link offers, by name: the client's documents available to customers
	 * among {@code chosen} when it names any; else those visible to the client too, only
	 * in {@code folders} when given (null: the whole client).
	 */
	public List<Document> offered(UUID firmId, UUID clientId, Set<UUID> chosen, @Nullable Set<UUID> folders) {
		return Objects
			.requireNonNull(this.readOnly.execute((status) -> this.store.offered(firmId, clientId, chosen, folders)));
	}

	/** The client's documents in these folders, in the sort's order. */
	public List<Document> inFolders(UUID firmId, UUID clientId, Set<UUID> folders, DocumentSort sort) {
		return Objects.requireNonNull(this.readOnly
			.execute((status) -> this.store.list(firmId, clientId, sort, null, folders, 0, Integer.MAX_VALUE)));
	}

	/** The document when the contact sees it; empty for any other id. */
	public java.util.Optional<Document> seen(CustomerView view, UUID documentId) {
		return find(view.firmId(), documentId).filter(view::sees);
	}

	/**
	 * @throws NotFoundException for unknown ids and other firms' documents
	 */
	public Document get(UUID firmId, UUID documentId) {
		return Objects.requireNonNull(this.readOnly.execute(
				(status) -> this.store.find(firmId, documentId).orElseThrow(() -> new NotFoundException("Document"))));
	}

	/**
	 * Files staged files into the client's folder and records them, all or nothing: if
	 * any step fails, every file of this upload is removed again and no row remains.
	 */
	public List<Document> add(Uploader by, UUID firmId, UUID clientId, List<IncomingFile> files,
			UploadOptions options) {
		List<String> committed = new ArrayList<>();
		try {
			if (options.folderId() != null) {
				folderOf(firmId, clientId, options.folderId(), "folderId");
			}
			StorageFolder folder = this.clients.folderOf(firmId, clientId);
			boolean visible = (options.visibleToClient() != null) ? options.visibleToClient()
					: this.firms.settings(firmId).newDocumentsVisibleByDefault();
			UUID write = this.writes.begin(folder);
			try {
				return Objects.requireNonNull(this.transaction.execute((status) -> {
					List<Document> added = new ArrayList<>();
					for (IncomingFile file : files) {
						String key = this.storage.commit(file.staged(), folder, FileNames.fileName(file.displayName()));
						committed.add(key);
						Instant now = this.clock.instant();
						Document document = new Document(UUID.randomUUID(), firmId, clientId, file.displayName(), key,
								file.staged().size(), file.staged().sha256(),
								ContentTypes.detect(file.staged().head(), file.displayName()), visible,
								options.showOnDashboard(), options.notes(), options.documentDate(), by.source(),
								by.staffId(), by.contactId(), by.label(), now, now, options.folderId(), 1,
								this.firstScan, null);
						this.store.insert(document);
						this.versions.insert(DocumentVersion.of(document, document.id()));
						added.add(document);
						this.events.publishEvent(
								new DocumentUploaded(firmId, clientId, document.id(), document.name(), document.size(),
										document.sha256(), document.source(), visible, by.contactId(), actor(by), now));
					}
					return added;
				}));
			}
			finally {
				this.writes.end(write);
			}
		}
		catch (RuntimeException ex) {
			committed.forEach((key) -> this.storage.delete(firmId, key));
			files.forEach((file) -> this.storage.discard(file.staged()));
			throw ex;
		}
	}

	/**
	 * The document's bytes, with the download recorded (who, when, from where) unless
	 * {@code record} is false, as for the later parts of a ranged download.
	 */
	public Download download(Uploader by, UUID firmId, UUID documentId, boolean record) {
		Document document = get(firmId, documentId);
		if (document.scan() == ScanStatus.INFECTED) {
			throw new ForbiddenException("\"" + document.name()
					+ "\" is quarantined: the virus scanner found malware in it. Nobody can download it;"
					+ " an administrator can delete it.");
		}
		Resource content = open(document);
		if (record) {
			this.transaction.executeWithoutResult((status) -> {
				Instant now = this.clock.instant();
				this.store.touch(firmId, documentId, now);
				this.events.publishEvent(new DocumentDownloaded(firmId, document.clientId(), documentId,
						document.name(), actor(by), now));
			});
		}
		return new Download(document, content);
	}

	/**
	 * Documents about to go into an archive, as they are now, with their bytes: read a
	 * batch at a time rather than one query each. Those deleted, quarantined or gone from
	 * storage since the archive began are left out, so the rest still arrive.
	 */
	public List<Download> downloads(UUID firmId, List<UUID> documentIds) {
		Map<UUID, Document> current = new HashMap<>();
		Objects.requireNonNull(this.readOnly.execute((status) -> this.store.find(firmId, documentIds)))
			.forEach((document) -> current.put(document.id(), document));
		List<Download> downloads = new ArrayList<>();
		for (UUID id : documentIds) {
			Document document = current.get(id);
			if (document == null || document.scan() == ScanStatus.INFECTED) {
				continue;
			}
			try {
				downloads.add(new Download(document, open(document)));
			}
			catch (NotFoundException gone) {
				log.warn("Left document {} out of an archive: its file is no longer in storage", id);
			}
		}
		return downloads;
	}

	/**
	 * Records downloads of documents that went out together ("Download all"): one
	 * transaction and one event for the lot, where single downloads take one each.
	 */
	public void recordDownloads(Uploader by, UUID firmId, List<Document> downloaded) {
		if (downloaded.isEmpty()) {
			return;
		}
		this.transaction.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			this.store.touch(firmId, downloaded.stream().map(Document::id).toList(), now);
			downloaded.stream()
				.collect(Collectors.groupingBy(Document::clientId, LinkedHashMap::new, Collectors.toList()))
				.forEach((clientId,
						documents) -> this.events.publishEvent(new DocumentsDownloaded(firmId, clientId,
								documents.stream().map((d) -> new DocumentsDownloaded.Item(d.id(), d.name())).toList(),
								actor(by), now)));
		});
	}

	public Document change(CurrentStaff by, UUID documentId, DocumentChange change) {
		Document old = get(by.firmId(), documentId);
		String name = old.name();
		if (change.name() != null) {
			name = FileNames.displayName(change.name());
			if (name.isEmpty()) {
				throw new InvalidInputException("name", "Enter a file name.");
			}
		}
		String notes = (change.notes() != null) ? notes(change.notes()) : old.notes();
		LocalDate date = (change.documentDate() != null) ? date(change.documentDate()) : old.documentDate();
		boolean visible = (change.visibleToClient() != null) ? change.visibleToClient() : old.visibleToClient();
		boolean dashboard = (change.showOnDashboard() != null) ? change.showOnDashboard() : old.showOnDashboard();
		Instant now = this.clock.instant();
		String key = old.storageKey();
		boolean renamed = !name.equals(old.name()) && !FileNames.fileName(name).equals(FileNames.fileName(old.name()));
		if (renamed) {
			key = this.storage.rename(this.clients.folderOf(old.firmId(), old.clientId()), old.storageKey(),
					FileNames.fileName(name));
		}
		UUID folder = old.folderId();
		if (change.folderId() != null) {
			folder = change.folderId().isBlank() ? null
					: folderOf(old.firmId(), old.clientId(), uuid("folderId", change.folderId()), "folderId").id();
		}
		Document updated = old.with(name, key, visible, dashboard, notes, date, folder, now);
		try {
			this.transaction.executeWithoutResult((status) -> {
				this.store.update(updated);
				if (renamed) {
					this.versions.moved(updated.id(), old.storageKey(), updated.storageKey());
				}
				changed(by, updated, "name", old.name(), updated.name());
				changed(by, updated, "notes", old.notes(), updated.notes());
				changed(by, updated, "documentDate", Objects.toString(old.documentDate(), null),
						Objects.toString(updated.documentDate(), null));
				changed(by, updated, "visibleToClient", String.valueOf(old.visibleToClient()),
						String.valueOf(updated.visibleToClient()));
				changed(by, updated, "showOnDashboard", String.valueOf(old.showOnDashboard()),
						String.valueOf(updated.showOnDashboard()));
				changed(by, updated, "folder", folderName(old), folderName(updated));
			});
		}
		catch (RuntimeException ex) {
			if (renamed) {
				this.storage.rename(this.clients.folderOf(old.firmId(), old.clientId()), key,
						FileNames.fileName(old.name()));
			}
			throw ex;
		}
		return updated;
	}

	private void changed(CurrentStaff by, Document document, String field, @Nullable String oldValue,
			@Nullable String newValue) {
		if (!Objects.equals(oldValue, newValue)) {
			this.events.publishEvent(new DocumentChanged(document.firmId(), document.clientId(), document.id(),
					document.name(), field, oldValue, newValue, by.actor(), document.lastActivityAt()));
		}
	}

	/** Removes the document; its bytes go once the removal is committed. */
	public void delete(CurrentStaff by, UUID documentId) {
		Document document = get(by.firmId(), documentId);
		java.util.Set<String> keys = new java.util.LinkedHashSet<>();
		keys.add(document.storageKey());
		this.versions.of(by.firmId(), documentId).forEach((version) -> keys.add(version.storageKey()));
		this.transaction.executeWithoutResult((status) -> {
			this.store.delete(by.firmId(), documentId);
			this.events.publishEvent(new DocumentDeleted(document.firmId(), document.clientId(), document.id(),
					document.name(), document.sha256(), by.actor(), this.clock.instant()));
		});
		keys.forEach((key) -> this.storage.delete(by.firmId(), key));
	}

	/** Every version, newest first; the first is the current one. */
	public List<DocumentVersion> versions(UUID firmId, UUID documentId) {
		get(firmId, documentId);
		return Objects.requireNonNull(this.readOnly.execute((status) -> this.versions.of(firmId, documentId)));
	}

	/**
	 * Replaces the document's bytes with a new version, filed next to the old ones; the
	 * earlier versions stay for staff. All or nothing, like an upload.
	 */
	public Document addVersion(Uploader by, UUID firmId, UUID documentId, IncomingFile file) {
		Document old = get(firmId, documentId);
		String key = null;
		try {
			StorageFolder folder = this.clients.folderOf(firmId, old.clientId());
			UUID write = this.writes.begin(folder);
			try {
				String committed = this.storage.commit(file.staged(), folder, FileNames.fileName(old.name()));
				key = committed;
				return Objects.requireNonNull(this.transaction.execute((status) -> {
					Instant now = this.clock.instant();
					Document current = new Document(old.id(), old.firmId(), old.clientId(), old.name(), committed,
							file.staged().size(), file.staged().sha256(),
							ContentTypes.detect(file.staged().head(), old.name()), old.visibleToClient(),
							old.showOnDashboard(), old.notes(), old.documentDate(), old.source(), old.uploadedByStaff(),
							old.uploadedByContact(), old.uploadedByLabel(), old.createdAt(), now, old.folderId(),
							old.version() + 1, this.firstScan, null);
					this.store.update(current);
					this.versions.insert(new DocumentVersion(UUID.randomUUID(), firmId, documentId, current.version(),
							current.name(), committed, current.size(), current.sha256(), current.contentType(),
							by.staffId(), by.contactId(), by.label(), now));
					this.events.publishEvent(new DocumentVersionAdded(firmId, old.clientId(), documentId, old.name(),
							current.version(), current.sha256(), current.size(), null, actor(by), now));
					return current;
				}));
			}
			finally {
				this.writes.end(write);
			}
		}
		catch (RuntimeException ex) {
			if (key != null) {
				this.storage.delete(firmId, key);
			}
			this.storage.discard(file.staged());
			throw ex;
		}
	}

	/** Makes an earlier version current again, as a new version with its bytes. */
	public Document restore(CurrentStaff by, UUID documentId, UUID versionId) {
		Document old = get(by.firmId(), documentId);
		DocumentVersion restored = Objects
			.requireNonNull(this.readOnly.execute((status) -> this.versions.find(by.firmId(), documentId, versionId)
				.orElseThrow(() -> new NotFoundException("Version"))));
		return Objects.requireNonNull(this.transaction.execute((status) -> {
			Instant now = this.clock.instant();
			Document current = new Document(old.id(), old.firmId(), old.clientId(), old.name(), restored.storageKey(),
					restored.size(), restored.sha256(), restored.contentType(), old.visibleToClient(),
					old.showOnDashboard(), old.notes(), old.documentDate(), old.source(), old.uploadedByStaff(),
					old.uploadedByContact(), old.uploadedByLabel(), old.createdAt(), now, old.folderId(),
					old.version() + 1, this.firstScan, null);
			this.store.update(current);
			this.versions.insert(new DocumentVersion(UUID.randomUUID(), by.firmId(), documentId, current.version(),
					current.name(), restored.storageKey(), restored.size(), restored.sha256(), restored.contentType(),
					by.staffId(), null, by.name(), now));
			this.events.publishEvent(new DocumentVersionAdded(by.firmId(), old.clientId(), documentId, old.name(),
					current.version(), current.sha256(), current.size(), restored.version(), by.actor(), now));
			return current;
		}));
	}

	/** The bytes of one version, for staff. */
	public Download downloadVersion(Uploader by, UUID firmId, UUID documentId, UUID versionId) {
		Document document = get(firmId, documentId);
		DocumentVersion version = Objects
			.requireNonNull(this.readOnly.execute((status) -> this.versions.find(firmId, documentId, versionId)
				.orElseThrow(() -> new NotFoundException("Version"))));
		Document asThen = new Document(document.id(), document.firmId(), document.clientId(), document.name(),
				version.storageKey(), version.size(), version.sha256(), version.contentType(),
				document.visibleToClient(), document.showOnDashboard(), document.notes(), document.documentDate(),
				document.source(), version.uploadedByStaff(), version.uploadedByContact(), version.uploadedByLabel(),
				version.createdAt(), document.lastActivityAt(), document.folderId(), version.version(),
				version.sha256().equals(document.sha256()) ? document.scan() : ScanStatus.NOT_SCANNED, null);
		if (asThen.scan() == ScanStatus.INFECTED) {
			throw new ForbiddenException("This version is quarantined: the virus scanner found malware in it.");
		}
		return new Download(asThen, this.storage.open(firmId, version.storageKey()));
	}

	/**
	 * The current bytes. A file that has gone from storage (deleted there directly) marks
	 * its document missing at once, so customers stop being offered it.
	 */
	private Resource open(Document document) {
		try {
			return this.storage.open(document.firmId(), document.storageKey());
		}
		catch (NotFoundException gone) {
			if (document.missingSince() == null) {
				this.transaction.executeWithoutResult(
						(status) -> this.store.markMissing(document.firmId(), document.id(), this.clock.instant()));
			}
			throw NotFoundException.saying("\"" + document.name() + "\" is no longer in the firm's storage.");
		}
	}

	/** Documents waiting for the virus scanner, oldest first, across firms. */
	public List<Document> pendingScans(int limit) {
		return Objects.requireNonNull(this.readOnly.execute((status) -> this.store.pendingScans(limit)));
	}

	/**
	 * The current bytes, for the scanner and previews: not a download, so nothing is
	 * recorded.
	 */
	public Resource content(Document document) {
		return open(document);
	}

	/**
	 * Records the scanner's verdict on the bytes with this checksum. A verdict on bytes
	 * that were replaced in the meantime is dropped: the new version waits for its own.
	 */
	public void scanned(Document document, boolean clean, @Nullable String detail) {
		this.transaction.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			if (this.store.scanned(document.firmId(), document.id(), document.sha256(),
					clean ? ScanStatus.CLEAN : ScanStatus.INFECTED, detail, now)) {
				this.events.publishEvent(new DocumentScanned(document.firmId(), document.clientId(), document.id(),
						document.name(), document.sha256(), clean, detail, document.source(),
						document.uploadedByStaff(), document.uploadedByContact(), now));
			}
		});
	}

	/** Notes as typed: at most 4000 characters; blank clears them. */
	public static @Nullable String notes(@Nullable String notes) {
		if (notes == null || notes.isBlank()) {
			return null;
		}
		if (notes.length() > 4000) {
			throw new InvalidInputException("notes", "Use at most 4000 characters for notes.");
		}
		return notes.strip();
	}

	/** An ISO date such as 2026-03-31; blank clears it. */
	public static @Nullable LocalDate date(@Nullable String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			LocalDate parsed = LocalDate.parse(date.strip());
			if (parsed.getYear() < 1000 || parsed.getYear() > 9999) {
				throw new InvalidInputException("documentDate", "Use a date between the years 1000 and 9999.");
			}
			return parsed;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("documentDate", "Use a date in the form 2026-03-31.");
		}
	}

	private @Nullable String folderName(Document document) {
		return (document.folderId() != null)
				? this.folders.find(document.firmId(), document.folderId()).map(Folder::name).orElse(null) : null;
	}

	/** A folder of this client; another client's or firm's folder is invalid input. */
	private Folder folderOf(UUID firmId, UUID clientId, UUID folderId, String field) {
		return this.folders.find(firmId, folderId)
			.filter((folder) -> folder.clientId().equals(clientId))
			.orElseThrow(() -> new InvalidInputException(field, "There is no such folder in this client's files."));
	}

	static UUID uuid(String field, String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "This is not a valid id.");
		}
	}

	private static Actor actor(Uploader by) {
		return new Actor(by.staffId(), by.label(), by.ip());
	}

	/** A document with its bytes, ready to stream. */
	public record Download(Document document, Resource content) {
	}

}
