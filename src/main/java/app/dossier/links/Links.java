package app.dossier.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Clients;
import app.dossier.documents.Document;
import app.dossier.documents.Documents;
import app.dossier.documents.Folder;
import app.dossier.documents.Folders;
import app.dossier.firms.FirmSettings;
import app.dossier.firms.Firms;
import app.dossier.identity.CurrentStaff;
import app.dossier.matters.Matter;
import app.dossier.matters.Matters;
import app.dossier.shared.FileTypes;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.shared.PublicAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A firm's secure links, as staff make and manage them. Every call is scoped to the
 * caller's firm; another firm's link is not found.
 */
@Service
class Links {

	static final Duration UPLOAD_LIFETIME = Duration.ofHours(24);

	static final Duration DOWNLOAD_LIFETIME = Duration.ofDays(14);

	static final int DEFAULT_MAX_FILES = 25;

	static final long DEFAULT_MAX_FILE_SIZE = 100L * 1024 * 1024;

	private final LinkStore store;

	private final LinkSecrets secrets;

	private final LinkSessions sessions;

	private final Receipts receipts;

	private final CodeAttempts attempts;

	private final Clients clients;

	private final Documents documents;

	private final Folders folders;

	private final Matters matters;

	private final Firms firms;

	private final PublicAddress address;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Links(LinkStore store, LinkSecrets secrets, LinkSessions sessions, Receipts receipts, CodeAttempts attempts,
			Clients clients, Documents documents, Folders folders, Matters matters, Firms firms, PublicAddress address,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.sessions = sessions;
		this.receipts = receipts;
		this.attempts = attempts;
		this.clients = clients;
		this.documents = documents;
		this.folders = folders;
		this.matters = matters;
		this.firms = firms;
		this.address = address;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Link create(CurrentStaff by, UUID clientId, LinkRequest request) {
		this.clients.get(by.firmId(), clientId);
		if (request.kind() == null) {
			throw new InvalidInputException("kind", "Choose UPLOAD or DOWNLOAD.");
		}
		LinkKind kind = request.kind();
		Instant now = this.clock.instant();
		UUID folderId = request.folderId();
		UUID matterId = request.matterId();
		if (matterId != null) {
			Matter matter = this.matters.find(by.firmId(), matterId)
				.filter((m) -> m.clientId().equals(clientId))
				.orElseThrow(() -> new InvalidInputException("matterId", "There is no such matter for this client."));
			folderId = (folderId != null) ? folderId : matter.folderId();
		}
		if (folderId != null) {
			folderOf(by.firmId(), clientId, folderId);
		}
		List<UUID> chosen = chosenDocuments(by.firmId(), clientId, kind, request.documentIds());
		Duration lifetime = (kind == LinkKind.UPLOAD) ? UPLOAD_LIFETIME : DOWNLOAD_LIFETIME;
		FirmSettings settings = this.firms.effectiveSettings(by.firmId());
		Instant maxExpiry = now.plus(Duration.ofDays(settings.maxLinkDays()));
		Instant expiresAt = expiry(request.expiresAt(), now, maxExpiry, settings.maxLinkDays(),
				earliest(now.plus(lifetime), maxExpiry));
		UUID id = UUID.randomUUID();
		String salt = LinkSecrets.newSalt();
		Link link = new Link(id, by.firmId(), clientId, kind, folderId, matterId, salt, this.secrets.newSealedCode(),
				message(request.message()), expiresAt, Boolean.TRUE.equals(request.enabled()), null,
				maxFiles(request.maxFiles(), DEFAULT_MAX_FILES),
				maxFileSize(request.maxFileSize(), Math.min(DEFAULT_MAX_FILE_SIZE, this.firms.maxFileSizeCeiling())),
				(request.allowedTypes() != null) ? FileTypes.parse("allowedTypes", request.allowedTypes())
						: FileTypes.LINK_DEFAULTS,
				by.staffId(), by.name(), now, now, chosen);
		this.store.insert(link, LinkSecrets.hash(this.secrets.token(link)));
		changed(by, link, LinkChanged.Change.CREATED, kind.name().toLowerCase(java.util.Locale.ROOT) + " link to "
				+ target(link) + ", " + (link.enabled() ? "enabled" : "disabled") + ", until " + expiresAt);
		return link;
	}

	@Transactional(readOnly = true)
	public Link get(UUID firmId, UUID linkId) {
		return this.store.find(firmId, linkId).orElseThrow(() -> new NotFoundException("Link"));
	}

	@Transactional(readOnly = true)
	public List<Link> ofClient(UUID firmId, UUID clientId) {
		this.clients.get(firmId, clientId);
		return this.store.ofClient(firmId, clientId);
	}

	/** Changes what the request names; the rest stays. Re-enabling clears a shutdown. */
	@Transactional
	public Link change(CurrentStaff by, UUID linkId, LinkRequest change) {
		Link old = get(by.firmId(), linkId);
		if (change.kind() != null && change.kind() != old.kind()) {
			throw new InvalidInputException("kind", "A link's kind cannot change; make a new link instead.");
		}
		if (change.folderId() != null || change.matterId() != null) {
			throw new InvalidInputException("folderId", "A link's folder cannot change; make a new link instead.");
		}
		Instant now = this.clock.instant();
		int maxDays = this.firms.settings(by.firmId()).maxLinkDays();
		Instant maxExpiry = old.createdAt().plus(Duration.ofDays(maxDays));
		Instant expiresAt = (change.expiresAt() != null)
				? expiry(change.expiresAt(), now, maxExpiry, maxDays, old.expiresAt()) : old.expiresAt();
		boolean enabled = (change.enabled() != null) ? change.enabled() : old.enabled();
		Link updated = new Link(old.id(), old.firmId(), old.clientId(), old.kind(), old.folderId(), old.matterId(),
				old.tokenSalt(), old.codeSealed(),
				(change.message() != null) ? message(change.message()) : old.message(), expiresAt, enabled,
				enabled ? null : old.disabledReason(),
				(change.maxFiles() != null) ? maxFiles(change.maxFiles(), old.maxFiles()) : old.maxFiles(),
				(change.maxFileSize() != null) ? maxFileSize(change.maxFileSize(), old.maxFileSize())
						: old.maxFileSize(),
				(change.allowedTypes() != null)
						? FileTypes.parse("allowedTypes", change.allowedTypes()) : old.allowedTypes(),
				old.createdBy(), old.createdByName(), old.createdAt(), now,
				(change.documentIds() != null)
						? chosenDocuments(by.firmId(), old.clientId(), old.kind(), change.documentIds())
						: old.documentIds());
		this.store.update(updated);
		if (updated.enabled() && !old.enabled()) {
			this.attempts.forget(linkId);
		}
		if (updated.enabled() != old.enabled()) {
			changed(by, updated, updated.enabled() ? LinkChanged.Change.ENABLED : LinkChanged.Change.DISABLED, null);
		}
		if (!updated.expiresAt().equals(old.expiresAt()) || !Objects.equals(updated.message(), old.message())
				|| updated.maxFiles() != old.maxFiles() || updated.maxFileSize() != old.maxFileSize()
				|| !updated.allowedTypes().equals(old.allowedTypes())
				|| !updated.documentIds().equals(old.documentIds())) {
			changed(by, updated, LinkChanged.Change.CHANGED, "until " + updated.expiresAt() + ", " + updated.maxFiles()
					+ " files of " + updated.maxFileSize() + " bytes");
		}
		return updated;
	}

	/**
	 * A new security code; whoever opened the link with the old one must enter the new
	 * one.
	 */
	@Transactional
	public Link renewCode(CurrentStaff by, UUID linkId) {
		Link old = get(by.firmId(), linkId);
		Link renewed = new Link(old.id(), old.firmId(), old.clientId(), old.kind(), old.folderId(), old.matterId(),
				old.tokenSalt(), this.secrets.newSealedCode(), old.message(), old.expiresAt(), old.enabled(),
				old.disabledReason(), old.maxFiles(), old.maxFileSize(), old.allowedTypes(), old.createdBy(),
				old.createdByName(), old.createdAt(), this.clock.instant(), old.documentIds());
		this.store.update(renewed);
		this.sessions.endAll(linkId);
		this.attempts.forget(linkId);
		changed(by, renewed, LinkChanged.Change.CODE_RENEWED, null);
		return renewed;
	}

	/** The link stops working at once; its URL then answers like any unknown one. */
	@Transactional
	public void delete(CurrentStaff by, UUID linkId) {
		Link link = get(by.firmId(), linkId);
		this.store.delete(by.firmId(), linkId);
		changed(by, link, LinkChanged.Change.DELETED, target(link));
	}

	String url(Link link) {
		return this.address.link("/l/" + this.secrets.token(link));
	}

	String code(Link link) {
		return this.secrets.code(link);
	}

	@Transactional(readOnly = true)
	public List<Receipts.Receipt> history(Link link) {
		return this.receipts.of(link.firmId(), link.id());
	}

	/** Where the link points, for people: "the folder Tax 2025", "the matter Audit". */
	@Transactional(readOnly = true)
	public String target(Link link) {
		if (link.matterId() != null) {
			return this.matters.find(link.firmId(), link.matterId())
				.map((m) -> "the matter " + m.name())
				.orElse("a deleted matter");
		}
		if (link.folderId() != null) {
			return this.folders.find(link.firmId(), link.folderId())
				.map((f) -> "the folder " + f.name())
				.orElse("a deleted folder");
		}
		return "the client's files";
	}

	/**
	 * What a download link offers: the documents chosen for it, or else every document
	 * visible to the customer in its folder and the folders inside it (the whole client
	 * when it has no folder); never one the virus scanner has not passed.
	 */
	@Transactional(readOnly = true)
	public List<Document> offered(Link link) {
		if (!link.documentIds().isEmpty()) {
			return this.documents.offered(link.firmId(), link.clientId(), Set.copyOf(link.documentIds()), null);
		}
		Set<UUID> inside = (link.folderId() == null) ? null : Folders
			.withDescendants(this.folders.ofClient(link.firmId(), link.clientId()), Set.of(link.folderId()));
		return this.documents.offered(link.firmId(), link.clientId(), Set.of(), inside);
	}

	/**
	 * The path inside a "Download all" archive of each folder below the link's own (or of
	 * every folder, for a link to the whole client).
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> archivePaths(Link link) {
		List<Folder> all = this.folders.ofClient(link.firmId(), link.clientId());
		Map<UUID, String> paths = new java.util.HashMap<>();
		for (Folder folder : all) {
			List<Folder> path = Folders.path(all, folder.id());
			if (link.folderId() != null) {
				path = path.stream().dropWhile((f) -> !f.id().equals(link.folderId())).skip(1).toList();
			}
			paths.put(folder.id(), path.stream().map(Folder::name).collect(Collectors.joining("/")));
		}
		return paths;
	}

	void changed(CurrentStaff by, Link link, LinkChanged.Change change, @Nullable String details) {
		this.events.publishEvent(new LinkChanged(link.firmId(), link.clientId(), link.id(), link.kind(), change,
				details, by.actor(), this.clock.instant()));
	}

	private List<UUID> chosenDocuments(UUID firmId, UUID clientId, LinkKind kind, @Nullable List<UUID> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		if (kind == LinkKind.UPLOAD) {
			throw new InvalidInputException("documentIds", "Documents are chosen for download links only.");
		}
		List<UUID> chosen = new ArrayList<>();
		for (UUID id : new LinkedHashSet<>(ids)) {
			Document document = this.documents.find(firmId, id)
				.filter((d) -> d.clientId().equals(clientId))
				.orElseThrow(() -> new InvalidInputException("documentIds",
						"There is no document " + id + " in this client's files."));
			chosen.add(document.id());
		}
		return chosen;
	}

	private void folderOf(UUID firmId, UUID clientId, UUID folderId) {
		this.folders.find(firmId, folderId)
			.filter((folder) -> folder.clientId().equals(clientId))
			.orElseThrow(
					() -> new InvalidInputException("folderId", "There is no such folder in this client's files."));
	}

	private static Instant expiry(@Nullable Instant requested, Instant now, Instant max, int maxDays,
			Instant fallback) {
		if (requested == null) {
			return fallback;
		}
		if (!requested.isAfter(now)) {
			throw new InvalidInputException("expiresAt", "Choose an expiry date in the future.");
		}
		if (requested.isAfter(max)) {
			throw new InvalidInputException("expiresAt",
					"Your firm lets links stay open for at most " + maxDays + " days.");
		}
		return requested;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static @Nullable String message(@Nullable String message) {
		if (message == null || message.isBlank()) {
			return null;
		}
		if (message.length() > 2000) {
			throw new InvalidInputException("message", "Use at most 2000 characters for the message.");
		}
		return message.strip();
	}

	private int maxFiles(@Nullable Integer requested, int fallback) {
		int ceiling = this.firms.maxFilesPerUploadCeiling();
		int value = (requested != null) ? requested : Math.min(fallback, ceiling);
		if (value < 1 || value > ceiling) {
			throw new InvalidInputException("maxFiles", "Allow between 1 and " + ceiling + " files.");
		}
		return value;
	}

	private long maxFileSize(@Nullable Long requested, long fallback) {
		long ceiling = this.firms.maxFileSizeCeiling();
		long value = (requested != null) ? requested : fallback;
		if (value < 1 || value > ceiling) {
			throw new InvalidInputException("maxFileSize", "Allow files between 1 byte and " + ceiling + " bytes.");
		}
		return value;
	}

	/** What staff ask for; null leaves a setting at its default (or as it is). */
	record LinkRequest(@Nullable LinkKind kind, @Nullable String message, @Nullable Instant expiresAt,
			@Nullable Boolean enabled, @Nullable Integer maxFiles, @Nullable Long maxFileSize,
			@Nullable List<String> allowedTypes, @Nullable UUID folderId, @Nullable UUID matterId,
			@Nullable List<UUID> documentIds) {
	}

}
