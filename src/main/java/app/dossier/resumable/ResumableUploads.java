package app.dossier.resumable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadInfo;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.documents.Document;
import app.dossier.documents.Uploads;
import app.dossier.firms.Firms;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.TooLargeException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Serves the tus protocol for every door (tus-java-server keeps the pieces on disk, so an
 * upload resumes from its stored offset even after a restart) and adds what Dossier
 * needs: a door's checks before the first byte, creation with its first piece, and the
 * finished upload turned into a document whose id the last answer carries in
 * {@code Dossier-Document-Id} (and a HEAD afterwards).
 */
@Service
public class ResumableUploads {

	public static final String DOCUMENT_HEADER = "Dossier-Document-Id";

	private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);

	private static final String UPLOADS = "/(uploads|api/v1/uploads|portal/uploads|l/[A-Za-z0-9_-]+/uploads)";

	private final TusFileUploadService tus;

	private final ResultStore results;

	private final ResumableSettings settings;

	private final Clock clock;

	private final PieceStorage pieces;

	ResumableUploads(ResumableSettings settings, ResultStore results, Firms firms, Clock clock) throws IOException {
		java.nio.file.Files.createDirectories(settings.directory());
		// The library makes these on the first upload, but its hourly clean-up lists them
		// and failed with NoSuchFileException on a server that had none yet.
		java.nio.file.Files.createDirectories(settings.directory().resolve("locks"));
		java.nio.file.Files.createDirectories(settings.directory().resolve("uploads"));
		this.pieces = new PieceStorage(settings.directory().toString());
		this.tus = new TusFileUploadService().withUploadUri(UPLOADS)
			// The locks where the library keeps them, the pieces appended in large
			// writes.
			.withStoragePath(settings.directory().toString())
			.withUploadStorageService(this.pieces)
			.withMaxUploadSize(firms.maxFileSizeCeiling())
			.withUploadExpirationPeriod(settings.expiration().toMillis())
			.disableTusExtension("concatenation");
		this.results = results;
		this.settings = settings;
		this.clock = clock;
	}

	/** Answers one tus request for the door's target. */
	public void handle(HttpServletRequest request, HttpServletResponse response, UploadTarget target)
			throws IOException {
		String method = method(request);
		switch (method) {
			case "POST" -> create(request, response, target);
			case "PATCH" -> {
				dropUnacknowledged(request.getRequestURI(), target);
				this.tus.process(request, response, target.owner());
				finishIfComplete(request.getRequestURI(), response, target);
			}
			case "HEAD" -> {
				if (!answeredFinished(request, response, target)) {
					this.tus.process(request, response, target.owner());
				}
			}
			case "OPTIONS" -> {
				this.tus.process(request, response, target.owner());
				String extensions = response.getHeader("Tus-Extension");
				if (extensions != null) {
					response.setHeader("Tus-Extension", extensions + ",creation-with-upload");
				}
			}
			default -> this.tus.process(request, response, target.owner());
		}
	}

	/**
	 * A new upload: its declared length and metadata are judged before any byte is kept;
	 * a body sent along (creation-with-upload) is written as its first piece.
	 */
	private void create(HttpServletRequest request, HttpServletResponse response, UploadTarget target)
			throws IOException {
		String declared = request.getHeader("Upload-Length");
		long length;
		try {
			length = Long.parseLong(Objects.requireNonNullElse(declared, "").strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("Upload-Length",
					"Declare the file's size in Upload-Length (deferred lengths are not supported).");
		}
		if (length < 0) {
			throw new InvalidInputException("Upload-Length", "Upload-Length cannot be negative.");
		}
		target.admit(length, metadata(request.getHeader("Upload-Metadata")));
		boolean withBody = "application/offset+octet-stream".equalsIgnoreCase(request.getContentType());
		this.tus.process(withBody ? new Creation(request) : request, response, target.owner());
		String location = response.getHeader("Location");
		if (!withBody || response.getStatus() != HttpServletResponse.SC_CREATED || location == null) {
			return;
		}
		String path = java.net.URI.create(location).getPath();
		this.tus.process(new FirstPiece(request, path), response, target.owner());
		if (response.getStatus() == HttpServletResponse.SC_NO_CONTENT) {
			response.setStatus(HttpServletResponse.SC_CREATED);
			response.setHeader("Location", location);
			finishIfComplete(path, response, target);
		}
	}

	private void finishIfComplete(String uri, HttpServletResponse response, UploadTarget target) throws IOException {
		UploadInfo info;
		try {
			info = this.tus.getUploadInfo(uri, target.owner());
		}
		catch (TusException ex) {
			return;
		}
		if (info == null || info.isUploadInProgress() || !Objects.equals(info.getOffset(), info.getLength())) {
			return;
		}
		Document document;
		try {
			document = target.finish(info.getMetadata(),
					new Uploads.Arrived(this.pieces.dataFile(info), this.pieces.sha256(info)));
		}
		catch (IOException | RuntimeException ex) {
			delete(uri, target);
			if (!response.isCommitted()) {
				response.reset();
			}
			throw ex;
		}
		delete(uri, target);
		this.results.save(info.getId().toString(), target.owner(), document.id(), info.getLength(),
				this.clock.instant());
		response.setHeader(DOCUMENT_HEADER, document.id().toString());
	}

	/**
	 * A server stopped in the middle of a piece (a crash, a SIGKILL) may have written
	 * bytes whose offset it never recorded. They were never acknowledged, so the client
	 * sends them again from the recorded offset: the extra bytes are cut off first, under
	 * the file's lock, so a piece still being written here is never touched.
	 */
	private void dropUnacknowledged(String uri, UploadTarget target) {
		try {
			UploadInfo info = this.tus.getUploadInfo(uri, target.owner());
			if (info == null || info.getOffset() == null || !info.isUploadInProgress()) {
				return;
			}
			java.nio.file.Path data = this.pieces.dataFile(info);
			if (!java.nio.file.Files.exists(data) || java.nio.file.Files.size(data) <= info.getOffset()) {
				return;
			}
			try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(data,
					java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock lock = channel.tryLock()) {
				if (lock != null && channel.size() > info.getOffset()) {
					log.info("Upload {}: dropping {} bytes written after its last recorded offset", info.getId(),
							channel.size() - info.getOffset());
					channel.truncate(info.getOffset());
				}
			}
			catch (java.nio.channels.OverlappingFileLockException busy) {
				// A piece is being written right now; the library answers that request.
			}
		}
		catch (IOException | TusException ex) {
			log.warn("Could not check an upload's stored bytes: {}", ex.toString());
		}
	}

	/** A HEAD on an upload that already became a document: complete, and which one. */
	private boolean answeredFinished(HttpServletRequest request, HttpServletResponse response, UploadTarget target) {
		String uri = request.getRequestURI();
		String id = uri.substring(uri.lastIndexOf('/') + 1);
		return this.results.find(id, target.owner()).map((result) -> {
			response.setStatus(HttpServletResponse.SC_OK);
			response.setHeader("Tus-Resumable", TusFileUploadService.TUS_API_VERSION);
			response.setHeader("Upload-Offset", String.valueOf(result.length()));
			response.setHeader("Upload-Length", String.valueOf(result.length()));
			response.setHeader("Cache-Control", "no-store");
			response.setHeader(DOCUMENT_HEADER, result.documentId().toString());
			return true;
		}).orElse(false);
	}

	private void delete(String uri, UploadTarget target) {
		try {
			this.tus.deleteUpload(uri, target.owner());
		}
		catch (IOException | TusException ex) {
			log.warn("A finished upload's pieces could not be removed (the clean-up job will): {}", ex.toString());
		}
	}

	/** Unfinished uploads untouched for the expiration period are removed. */
	@Scheduled(fixedDelayString = "PT1H", initialDelay = 60_000)
	@SchedulerLock(name = "resumable-upload-cleanup", lockAtMostFor = "PT30M")
	public void cleanUp() throws IOException {
		this.tus.cleanup();
		this.pieces.forgetGone();
		this.results.forgetBefore(this.clock.instant().minus(this.settings.expiration()));
	}

	/** Refuses an upload larger than the door allows, before any byte is stored. */
	public static void requireAtMost(long length, long max, String what) {
		if (length > max) {
			throw new TooLargeException("This file is " + length + " bytes; " + what + " accepts at most " + max
					+ " bytes per file. Nothing was stored.");
		}
	}

	private static String method(HttpServletRequest request) {
		String override = request.getHeader("X-HTTP-Method-Override");
		return (override != null && !override.isBlank()) ? override.strip().toUpperCase(java.util.Locale.ROOT)
				: request.getMethod();
	}

	/** {@code Upload-Metadata}: comma-separated keys, each with a base64 value. */
	static Map<String, String> metadata(@Nullable String header) {
		Map<String, String> metadata = new HashMap<>();
		if (header == null || header.isBlank()) {
			return metadata;
		}
		for (String pair : header.split(",")) {
			String[] parts = pair.strip().split(" ", 2);
			if (parts[0].isEmpty()) {
				continue;
			}
			try {
				metadata.put(parts[0], (parts.length > 1)
						? new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8) : "");
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("Upload-Metadata", "The value of " + parts[0] + " is not base64.");
			}
		}
		return metadata;
	}

	/**
	 * The creating POST without its body, which is written afterwards as the first piece.
	 */
	private static final class Creation extends HttpServletRequestWrapper {

		Creation(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getContentType() {
			return null;
		}

		@Override
		public int getContentLength() {
			return 0;
		}

		@Override
		public long getContentLengthLong() {
			return 0;
		}

		@Override
		public @Nullable String getHeader(String name) {
			if ("Content-Length".equalsIgnoreCase(name)) {
				return "0";
			}
			if ("Content-Type".equalsIgnoreCase(name)) {
				return null;
			}
			return super.getHeader(name);
		}

	}

	/** The body of a creating POST, presented as the PATCH of its first piece. */
	private static final class FirstPiece extends HttpServletRequestWrapper {

		private final String uri;

		FirstPiece(HttpServletRequest request, String uri) {
			super(request);
			this.uri = uri;
		}

		@Override
		public String getMethod() {
			return "PATCH";
		}

		@Override
		public String getRequestURI() {
			return this.uri;
		}

		@Override
		public @Nullable String getHeader(String name) {
			if ("Upload-Offset".equalsIgnoreCase(name)) {
				return "0";
			}
			if ("X-HTTP-Method-Override".equalsIgnoreCase(name) || "Upload-Length".equalsIgnoreCase(name)) {
				return null;
			}
			return super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			String value = getHeader(name);
			return (value != null) ? Collections.enumeration(List.of(value)) : Collections.emptyEnumeration();
		}

	}

}
