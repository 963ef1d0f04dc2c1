package app.dossier.links;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import app.dossier.documents.Archives;
import app.dossier.documents.Document;
import app.dossier.documents.DocumentSource;
import app.dossier.documents.Documents;
import app.dossier.documents.UploadLimits;
import app.dossier.documents.UploadOptions;
import app.dossier.documents.Uploader;
import app.dossier.documents.Uploads;
import app.dossier.firms.Firms;
import app.dossier.identity.Actor;
import app.dossier.notifications.Notifications;
import app.dossier.resumable.ResumableUploads;
import app.dossier.resumable.UploadTarget;
import app.dossier.shared.ForbiddenException;
import app.dossier.shared.GoneException;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.shared.TooManyAttemptsException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * What the recipient of a link may do. Every request is checked afresh on the server: the
 * link exists, is enabled and not expired, this address is not locked out, and (past the
 * code page) the visit's session belongs to this link.
 */
@Service
class Recipients {

	static final String RECIPIENT = "Secure link recipient";

	static final Duration SESSION = Duration.ofHours(12);

	/** Requests with unknown tokens one address may make in a quarter of an hour. */
	static final int UNKNOWN_TOKENS_PER_IP = 30;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final LinkStore store;

	private final LinkSecrets secrets;

	private final LinkSessions sessions;

	private final CodeAttempts attempts;

	private final Receipts receipts;

	private final Links links;

	private final Documents documents;

	private final Uploads uploads;

	private final Archives archives;

	private final Firms firms;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ConcurrentHashMap<String, Bucket> unknownTokens = new ConcurrentHashMap<>();

	Recipients(LinkStore store, LinkSecrets secrets, LinkSessions sessions, CodeAttempts attempts, Receipts receipts,
			Links links, Documents documents, Uploads uploads, Archives archives, Firms firms,
			Notifications notifications, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.secrets = secrets;
		this.sessions = sessions;
		this.attempts = attempts;
		this.receipts = receipts;
		this.links = links;
		this.documents = documents;
		this.uploads = uploads;
		this.archives = archives;
		this.firms = firms;
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The link behind a token if this address may use it now.
	 * @throws NotFoundException for unknown and deleted links alike
	 * @throws GoneException for expired and disabled links
	 * @throws TooManyAttemptsException while this address is locked out
	 */
	Visit visit(String token, String ip, @Nullable String sessionSecret) {
		Link link = (token.length() == 43) ? this.store.byTokenHash(LinkSecrets.hash(token)).orElse(null) : null;
		if (link == null) {
			Bucket bucket = this.unknownTokens.computeIfAbsent(ip,
					(key) -> Bucket.builder()
						.addLimit(Bandwidth.builder()
							.capacity(UNKNOWN_TOKENS_PER_IP)
							.refillGreedy(UNKNOWN_TOKENS_PER_IP, CodeAttempts.LOCK)
							.build())
						.build());
			if (!bucket.tryConsume(1)) {
				throw new TooManyAttemptsException(
						"Too many links that do not work came from your address. Wait "
								+ "a quarter of an hour, then open the link exactly as you received it.",
						CodeAttempts.LOCK);
			}
			throw new NotFoundException("Link");
		}
		String firm = this.firms.nameOf(link.firmId());
		Instant now = this.clock.instant();
		if (!link.enabled()) {
			throw new GoneException(firm + " has switched this link off. Ask " + firm + " for a new link.");
		}
		if (link.expired(now)) {
			throw new GoneException("This link from " + firm + " expired on " + DAY.format(link.expiresAt()) + ". Ask "
					+ firm + " for a new link.");
		}
		Instant lockedUntil = this.attempts.lockedUntil(link.id(), ip, now).orElse(null);
		if (lockedUntil != null) {
			throw new TooManyAttemptsException(
					"Too many wrong security codes were entered from your address. "
							+ "This link stays locked for you for " + minutes(Duration.between(now, lockedUntil))
							+ "; then try again, or ask " + firm + " for the code.",
					Duration.between(now, lockedUntil));
		}
		UUID session = (sessionSecret != null) ? this.sessions.find(link.id(), sessionSecret, now).orElse(null) : null;
		return new Visit(link, firm, ip, session);
	}

	/**
	 * Checks the code; the right one opens a session and answers its secret for the
	 * cookie.
	 * @throws WrongCode for a wrong code, after counting it
	 */
	String unlock(Visit visit, @Nullable String code) {
		Link link = visit.link();
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("code", "Enter the security code you were given with the link.");
		}
		Instant now = this.clock.instant();
		if (this.secrets.matches(link, code)) {
			Instant until = now.plus(SESSION).isBefore(link.expiresAt()) ? now.plus(SESSION) : link.expiresAt();
			return Objects.requireNonNull(
					this.transaction.execute((status) -> this.sessions.open(link.id(), visit.ip(), now, until)));
		}
		CodeAttempts.Outcome outcome = Objects.requireNonNull(this.transaction.execute((status) -> {
			CodeAttempts.Outcome counted = this.attempts.failed(link.id(), visit.ip(), now);
			if (counted.lockedOut()) {
				event(link, LinkChanged.Change.LOCKED_OUT, "address " + visit.ip() + " for 15 minutes", visit.ip());
			}
			if (counted.shut() && this.store.shut(link.id(), Link.SHUT_AFTER_WRONG_CODES, now)) {
				this.sessions.endAll(link.id());
				event(link, LinkChanged.Change.SHUT_AFTER_WRONG_CODES,
						CodeAttempts.PER_DAY + " wrong codes within a day", visit.ip());
				tellCreator(link, now);
			}
			return counted;
		}));
		throw new WrongCode(outcome.lockedOut() ? 0 : outcome.triesLeft());
	}

	void leave(String sessionSecret) {
		this.transaction.executeWithoutResult((status) -> this.sessions.end(sessionSecret));
	}

	/** The documents a download link offers. */
	List<Document> offered(Visit visit) {
		requireKind(visit, LinkKind.DOWNLOAD);
		return this.links.offered(visit.link());
	}

	Documents.Download download(Visit visit, UUID documentId, boolean record, @Nullable String userAgent) {
		Document document = offered(visit).stream()
			.filter((d) -> d.id().equals(documentId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Document"));
		Documents.Download download = this.documents.download(uploader(visit), visit.link().firmId(), document.id(),
				record);
		if (record) {
			receipt(visit, Receipts.Receipt.Kind.DOWNLOAD, document, userAgent);
		}
		return download;
	}

	void archive(Visit visit, List<Document> offered, OutputStream out, @Nullable String userAgent) throws IOException {
		this.archives.write(uploader(visit), visit.link().firmId(), offered, this.links.archivePaths(visit.link()), out,
				(documents) -> this.transaction.executeWithoutResult((status) -> documents
					.forEach((document) -> receipt(visit, Receipts.Receipt.Kind.DOWNLOAD, document, userAgent))));
	}

	/**
	 * Receives files within the link's limits into its folder. The link is checked again
	 * once the files are in, so disabling it stops an upload that was under way.
	 */
	List<Document> receive(Visit visit, HttpServletRequest request, @Nullable String userAgent)
			throws IOException, HttpMediaTypeNotSupportedException {
		requireKind(visit, LinkKind.UPLOAD);
		Link link = visit.link();
		int remaining = link.maxFiles() - this.receipts.uploadsInSession(Objects.requireNonNull(visit.sessionId()));
		if (remaining <= 0) {
			throw new InvalidInputException("file",
					"This link accepts " + link.maxFiles() + " files per visit, and they have all arrived. Ask "
							+ visit.firmName() + " for a new link to send more.");
		}
		List<Document> received = this.uploads.receive(uploader(visit), link.firmId(), link.clientId(), request,
				new UploadLimits(link.maxFileSize(), remaining, link.allowedTypes()), (fields) -> {
					stillWorking(visit);
					return new UploadOptions(null, null, null, false, link.folderId());
				});
		received.forEach((document) -> receipt(visit, Receipts.Receipt.Kind.UPLOAD, document, userAgent));
		return received;
	}

	/**
	 * The link's rules for resumable uploads in this visit: its kind, its per-visit file
	 * count and file size before any byte; its types and whether it still works at the
	 * end.
	 */
	UploadTarget resumable(Visit visit, @Nullable String userAgent) {
		Link link = visit.link();
		return new UploadTarget() {

			@Override
			public String owner() {
				return "link:" + visit.sessionId();
			}

			@Override
			public void admit(long length, java.util.Map<String, String> metadata) {
				requireKind(visit, LinkKind.UPLOAD);
				if (link.maxFiles() - Recipients.this.receipts.uploadsInSession(visit.sessionId()) <= 0) {
					throw new InvalidInputException("file",
							"This link accepts " + link.maxFiles() + " files per visit, and they have all arrived.");
				}
				ResumableUploads.requireAtMost(length, link.maxFileSize(), "this link");
				UploadTarget.fileName(metadata);
			}

			@Override
			public Document finish(java.util.Map<String, String> metadata, Uploads.Arrived data) throws IOException {
				requireKind(visit, LinkKind.UPLOAD);
				Link now = stillWorking(visit);
				// Counted again at the end: uploads started side by side were each
				// admitted while none had arrived.
				if (Recipients.this.receipts.uploadsInSession(visit.sessionId()) >= now.maxFiles()) {
					throw new InvalidInputException("file", "This link accepts " + now.maxFiles()
							+ " files per visit, and they have all arrived. Nothing was stored.");
				}
				Document document = Recipients.this.uploads.receive(uploader(visit), link.firmId(), link.clientId(),
						UploadTarget.fileName(metadata), data,
						new UploadLimits(link.maxFileSize(), 1, link.allowedTypes()),
						new UploadOptions(null, null, null, false, link.folderId()));
				receipt(visit, Receipts.Receipt.Kind.UPLOAD, document, userAgent);
				return document;
			}

		};
	}

	/**
	 * The link as it is now, once the files of an upload are in: disabling it or letting
	 * it expire while they arrived stops the upload.
	 */
	private Link stillWorking(Visit visit) {
		Link now = this.store.find(visit.link().firmId(), visit.link().id())
			.orElseThrow(() -> new NotFoundException("Link"));
		if (!now.works(this.clock.instant())) {
			throw new GoneException(visit.firmName() + " has switched this link off. Nothing was stored; ask "
					+ visit.firmName() + " for a new link.");
		}
		return now;
	}

	List<Receipts.Received> receivedInVisit(Visit visit) {
		requireKind(visit, LinkKind.UPLOAD);
		return this.receipts.receivedInSession(Objects.requireNonNull(visit.sessionId()));
	}

	@Scheduled(fixedDelay = 900_000, initialDelay = 900_000)
	void forgetIdle() {
		this.unknownTokens.values().removeIf((bucket) -> bucket.getAvailableTokens() >= UNKNOWN_TOKENS_PER_IP);
		this.transaction.executeWithoutResult((status) -> this.sessions.forgetExpired(this.clock.instant()));
	}

	private void requireKind(Visit visit, LinkKind kind) {
		if (visit.sessionId() == null) {
			throw new CodeRequired();
		}
		if (visit.link().kind() != kind) {
			throw new ForbiddenException((kind == LinkKind.UPLOAD)
					? "This link is for downloading documents from " + visit.firmName() + "; it does not accept files."
					: "This link is for sending documents to " + visit.firmName() + "; it does not list or give any.");
		}
	}

	private void receipt(Visit visit, Receipts.Receipt.Kind kind, Document document, @Nullable String userAgent) {
		this.transaction.executeWithoutResult((status) -> this.receipts.record(visit.link().firmId(),
				new Receipts.Receipt(UUID.randomUUID(), visit.link().id(), visit.sessionId(), kind, document.id(),
						document.name(), this.clock.instant(), visit.ip(), userAgent)));
	}

	private void event(Link link, LinkChanged.Change change, String details, String ip) {
		this.events.publishEvent(new LinkChanged(link.firmId(), link.clientId(), link.id(), link.kind(), change,
				details, Actor.anonymous(ip), this.clock.instant()));
	}

	private void tellCreator(Link link, Instant now) {
		if (link.createdBy() == null) {
			return;
		}
		this.notifications.alertStaff(link.firmId(), link.clientId(), link.createdBy(),
				"A secure link was switched off after " + CodeAttempts.PER_DAY + " wrong security codes",
				"Someone entered " + CodeAttempts.PER_DAY + " wrong security codes for your "
						+ link.kind().name().toLowerCase(Locale.ROOT) + " link to " + this.links.target(link)
						+ " within a day, so Dossier switched it off. If the recipient still needs it, renew the code"
						+ " and enable the link again.",
				"/links/" + link.id(), "link-shut:" + link.id() + ":" + now.toEpochMilli());
	}

	private static Uploader uploader(Visit visit) {
		return new Uploader(null, null, RECIPIENT, visit.ip(), DocumentSource.LINK);
	}

	private static String minutes(Duration duration) {
		long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
		return minutes + ((minutes == 1) ? " more minute" : " more minutes");
	}

	/**
	 * One request's view of a link: the link, the firm's name, the caller's address and
	 * the visit's session (null before the code).
	 */
	record Visit(Link link, String firmName, String ip, @Nullable UUID sessionId) {
	}

	/** The request needs the security code first. */
	static class CodeRequired extends RuntimeException {

		CodeRequired() {
			super("Enter the security code first.");
		}

	}

	/** The code was wrong; {@code triesLeft} before this address is locked out. */
	static class WrongCode extends RuntimeException {

		private final int triesLeft;

		WrongCode(int triesLeft) {
			super((triesLeft > 0)
					? "That security code is not right. Check it and try again (" + triesLeft
							+ ((triesLeft == 1) ? " try" : " tries") + " left)."
					: "That security code is not right. Your address is now locked out of this link for 15 minutes.");
			this.triesLeft = triesLeft;
		}

		int triesLeft() {
			return this.triesLeft;
		}

	}

}
