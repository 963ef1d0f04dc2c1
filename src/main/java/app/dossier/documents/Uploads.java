package app.dossier.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Clients;
import app.dossier.firms.FirmSettings;
import app.dossier.firms.Firms;
import app.dossier.shared.FileTypes;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.UnsupportedContentException;
import app.dossier.storage.FileNames;
import app.dossier.storage.FileStorage;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * Receives a multipart upload as a stream ({@link FormParts}): each {@code file} part
 * goes straight to storage, the limits are enforced while the bytes arrive, and the form
 * fields ({@code notes}, {@code documentDate}, {@code visibleToClient},
 * {@code showOnDashboard}) may come before or after the files.
 */
@Component
public class Uploads {

	private static final int MAX_FIELD = 8 * 1024;

	private static final int MAX_FIELDS = 100;

	private final FileStorage storage;

	private final Documents documents;

	private final Clients clients;

	private final Firms firms;

	Uploads(FileStorage storage, Documents documents, Clients clients, Firms firms) {
		this.storage = storage;
		this.documents = documents;
		this.clients = clients;
		this.firms = firms;
	}

	/** A staff upload: every option may be given as a form field. */
	List<Document> receive(Uploader by, UUID firmId, UUID clientId, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		return receive(by, firmId, clientId, request, Uploads::staffOptions);
	}

	/**
	 * Receives the files, then turns the form fields into the upload's options (which may
	 * refuse them); whatever fails, nothing received is kept.
	 */
	public List<Document> receive(Uploader by, UUID firmId, UUID clientId, HttpServletRequest request,
			Function<Map<String, String>, UploadOptions> options)
			throws IOException, HttpMediaTypeNotSupportedException {
		this.clients.get(firmId, clientId);
		FirmSettings settings = this.firms.effectiveSettings(firmId);
		return receive(by, firmId, clientId, request,
				new UploadLimits(settings.maxFileSize(), settings.maxFilesPerUpload(), settings.allowedTypes()),
				options);
	}

	/**
	 * Like {@link #receive(Uploader, UUID, UUID, HttpServletRequest, Function)} within
	 * the given limits instead of the firm's (a secure link's own).
	 */
	public List<Document> receive(Uploader by, UUID firmId, UUID clientId, HttpServletRequest request,
			UploadLimits limits, Function<Map<String, String>, UploadOptions> options)
			throws IOException, HttpMediaTypeNotSupportedException {
		if (!FormParts.isMultipart(request)) {
			throw new HttpMediaTypeNotSupportedException(request.getContentType(),
					List.of(MediaType.MULTIPART_FORM_DATA));
		}
		List<IncomingFile> files = new ArrayList<>();
		try {
			Map<String, String> fields = read(request, limits, files);
			if (files.isEmpty()) {
				throw new InvalidInputException("file", "Choose at least one file to upload (form field \"file\").");
			}
			return this.documents.add(by, firmId, clientId, files, options.apply(fields));
		}
		catch (IOException | RuntimeException ex) {
			files.forEach((file) -> this.storage.discard(file.staged()));
			throw ex;
		}
	}

	/**
	 * One file that arrived whole by other means (a finished resumable upload), checked
	 * and filed exactly like a part of a multipart upload. The file is moved, not copied,
	 * when it is on the same disk as the staging area.
	 */
	public Document receive(Uploader by, UUID firmId, UUID clientId, String fileName, Arrived arrived,
			UploadLimits limits, UploadOptions options) throws IOException {
		String name = FileNames.displayName(fileName);
		if (name.isEmpty()) {
			throw new InvalidInputException("filename", "Every file needs a name. Nothing was stored.");
		}
		IncomingFile file = new IncomingFile(name,
				this.storage.stage(arrived.file(), limits.maxFileSize(), arrived.sha256()));
		try {
			accept(file, limits.allowedTypes());
			return this.documents.add(by, firmId, clientId, List.of(file), options).get(0);
		}
		catch (RuntimeException ex) {
			this.storage.discard(file.staged());
			throw ex;
		}
	}

	/**
	 * A whole file on this server's disk, with its SHA-256 when it was hashed as it was
	 * written.
	 */
	public record Arrived(Path file, @Nullable String sha256) {
	}

	/** The firm's own limits for what staff and customers upload. */
	public UploadLimits firmLimits(UUID firmId) {
		FirmSettings settings = this.firms.effectiveSettings(firmId);
		return new UploadLimits(settings.maxFileSize(), settings.maxFilesPerUpload(), settings.allowedTypes());
	}

	/** A new version of a document: exactly one part named {@code file}. */
	public Document receiveVersion(Uploader by, UUID firmId, UUID documentId, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		this.documents.get(firmId, documentId);
		if (!FormParts.isMultipart(request)) {
			throw new HttpMediaTypeNotSupportedException(request.getContentType(),
					List.of(MediaType.MULTIPART_FORM_DATA));
		}
		List<IncomingFile> files = new ArrayList<>();
		try {
			FirmSettings settings = this.firms.effectiveSettings(firmId);
			read(request, new UploadLimits(settings.maxFileSize(), 1, settings.allowedTypes()), files);
			if (files.isEmpty()) {
				throw new InvalidInputException("file", "Choose the file with the new version (form field \"file\").");
			}
		}
		catch (IOException | RuntimeException ex) {
			files.forEach((file) -> this.storage.discard(file.staged()));
			throw ex;
		}
		return this.documents.addVersion(by, firmId, documentId, files.get(0));
	}

	private Map<String, String> read(HttpServletRequest request, UploadLimits limits, List<IncomingFile> files)
			throws IOException {
		int maxFiles = limits.maxFiles();
		Map<String, String> fields = new HashMap<>();
		FormParts parts = FormParts.of(request);
		FormParts.Part part;
		while ((part = parts.next()) != null) {
			if (part.isFormField()) {
				if (fields.size() >= MAX_FIELDS) {
					throw new InvalidInputException(part.name(),
							"An upload has at most " + MAX_FIELDS + " form fields. Nothing was stored.");
				}
				fields.put(part.name(), field(part));
			}
			else if ("file".equals(part.name())) {
				String sentName = (part.fileName() != null) ? part.fileName() : "";
				if (sentName.isEmpty() && isEmpty(part)) {
					// A file field the person left empty: browsers send it nameless and
					// without bytes (the portal's form has a second one for the camera).
					continue;
				}
				if (files.size() >= maxFiles) {
					throw new InvalidInputException("file", "Upload at most " + maxFiles
							+ ((maxFiles == 1) ? " file" : " files") + " at a time. Nothing was stored.");
				}
				String name = FileNames.displayName(sentName);
				if (name.isEmpty()) {
					throw new InvalidInputException("file", "Every file needs a name. Nothing was stored.");
				}
				files.add(new IncomingFile(name, this.storage.stage(part.content(), limits.maxFileSize())));
				accept(files.get(files.size() - 1), limits.allowedTypes());
			}
		}
		return fields;
	}

	/**
	 * Judged by the content, never by the name alone: HTML named .pdf is HTML, and is
	 * refused twice over (its name lies, and HTML is no accepted kind).
	 */
	private static void accept(IncomingFile file, List<String> allowedTypes) {
		String detected = ContentTypes.detect(file.staged().head(), file.displayName());
		String named = ContentTypes.byName(file.displayName());
		if (ContentTypes.contradicts(detected, named)) {
			throw new UnsupportedContentException(
					"\"" + file.displayName() + "\" is named like " + ContentTypes.describe(named)
							+ ", but its content is " + ContentTypes.describe(detected) + ". Nothing was stored.",
					detected);
		}
		if (!FileTypes.accepts(allowedTypes, detected)) {
			throw new UnsupportedContentException("\"" + file.displayName() + "\" is " + ContentTypes.describe(detected)
					+ ", which is not accepted here. Accepted: " + FileTypes.describe(allowedTypes)
					+ ". Nothing was stored.", detected);
		}
	}

	private static boolean isEmpty(FormParts.Part part) throws IOException {
		return part.content().read() == -1;
	}

	private static String field(FormParts.Part part) throws IOException {
		byte[] value = part.content().readNBytes(MAX_FIELD + 1);
		if (value.length > MAX_FIELD) {
			throw new InvalidInputException(part.name(), "This field is too long.");
		}
		return new String(value, StandardCharsets.UTF_8);
	}

	/**
	 * A staff upload's options from its form fields (or a resumable upload's metadata):
	 * {@code folderId}, {@code notes}, {@code documentDate}, {@code visibleToClient},
	 * {@code showOnDashboard}.
	 * @throws InvalidInputException for a value that is not valid
	 */
	public static UploadOptions staffOptions(Map<String, String> fields) {
		String folder = fields.get("folderId");
		return new UploadOptions(Documents.notes(fields.get("notes")), Documents.date(fields.get("documentDate")),
				bool("visibleToClient", fields.get("visibleToClient")),
				Boolean.TRUE.equals(bool("showOnDashboard", fields.get("showOnDashboard"))),
				(folder == null || folder.isBlank()) ? null : Documents.uuid("folderId", folder));
	}

	private static @Nullable Boolean bool(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "true", "on", "yes", "1" -> true;
			case "false", "off", "no", "0" -> false;
			default -> throw new InvalidInputException(field, "Use true or false.");
		};
	}

}
