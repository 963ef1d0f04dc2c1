package app.dossier.portal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import app.dossier.documents.Archives;
import app.dossier.documents.Document;
import app.dossier.documents.DocumentSort;
import app.dossier.documents.Documents;
import app.dossier.documents.Downloads;
import app.dossier.documents.Folder;
import app.dossier.documents.Reconciliation;
import app.dossier.documents.SeenFilter;
import app.dossier.documents.Folders;
import app.dossier.documents.UploadOptions;
import app.dossier.documents.Uploads;
import app.dossier.firms.FirmSettings;
import app.dossier.firms.Firms;
import app.dossier.previews.PreviewResponses;
import app.dossier.previews.Previews;
import app.dossier.shared.ForbiddenException;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.shared.Text;
import app.dossier.sharing.SharedFiles;
import app.dossier.sharing.Sharing;
import app.dossier.storage.DataSizes;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The portal a contact sees: dashboard, files, downloads and uploads. */
@Controller
class PortalController {

	private static final int RECENT = 8;

	private static final int PAGE_SIZE = 100;

	private static final DocumentSort NEWEST_FIRST = new DocumentSort(DocumentSort.Key.CREATED, true);

	private final Sharing sharing;

	private final Documents documents;

	private final Uploads uploads;

	private final Archives archives;

	private final Reconciliation reconciliation;

	private final Firms firms;

	private final Previews previews;

	PortalController(Sharing sharing, Documents documents, Uploads uploads, Archives archives, Previews previews,
			Firms firms, Reconciliation reconciliation) {
		this.firms = firms;
		this.previews = previews;
		this.sharing = sharing;
		this.documents = documents;
		this.uploads = uploads;
		this.archives = archives;
		this.reconciliation = reconciliation;
	}

	@GetMapping("/portal")
	String dashboard(CurrentContact contact, Locale locale, Model model) {
		// Files put straight into the client's storage folder reach the customer here
		// too.
		this.reconciliation.ifDue(contact.firmId(), contact.clientId());
		SharedFiles files = seenBy(contact);
		model.addAttribute("contact", contact);
		model.addAttribute("files", files);
		// Pinned documents by name, as many as a page of Files shows.
		model.addAttribute("pinned",
				DocumentRow.of(
						this.documents.seen(files.view(), SeenFilter.pinned(), DocumentSort.DEFAULT, 0, PAGE_SIZE),
						files, this.previews, locale));
		model.addAttribute("recent",
				DocumentRow.of(this.documents.seen(files.view(), SeenFilter.everywhere(null), NEWEST_FIRST, 0, RECENT),
						files, this.previews, locale));
		model.addAttribute("uploadFolders", uploadFolders(files));
		uploadLimits(contact, model);
		return "portal/dashboard";
	}

	@GetMapping("/portal/files")
	String files(CurrentContact contact, @RequestParam(required = false) @Nullable UUID folder,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		// Files put straight into the client's storage folder reach the customer here
		// too.
		this.reconciliation.ifDue(contact.firmId(), contact.clientId());
		SharedFiles files = seenBy(contact);
		if (folder != null && !files.sees(folder)) {
			throw new NotFoundException("Folder");
		}
		boolean searching = !Text.searchable(q).isEmpty();
		SeenFilter filter = searching ? SeenFilter.everywhere(q)
				: (folder != null) ? SeenFilter.inFolders(Set.of(folder)) : SeenFilter.topLevel();
		// A page at a time, as staff see them, made by the database: a folder of
		// thousands
		// of documents was one page of megabytes, and every page read them all.
		int number = Math.clamp(page, 0, Integer.MAX_VALUE / PAGE_SIZE - 1);
		int found = this.documents.countSeen(files.view(), filter);
		int first = Math.min(number * PAGE_SIZE, found);
		List<Document> shown = (first < found) ? this.documents.seen(files.view(), filter,
				"date".equals(sort) ? NEWEST_FIRST : DocumentSort.DEFAULT, first, PAGE_SIZE) : List.of();
		List<Folder> subfolders = (!searching && number == 0) ? files.folders()
			.stream()
			.filter((f) -> (folder == null) ? !files.sees(f.parentId()) : folder.equals(f.parentId()))
			.toList() : List.of();
		model.addAttribute("contact", contact);
		model.addAttribute("files", files);
		model.addAttribute("folder", (folder != null) ? files.folder(folder) : null);
		model.addAttribute("path", Folders.path(files.folders(), folder));
		model.addAttribute("subfolders", subfolders);
		model.addAttribute("rows", DocumentRow.of(shown, files, this.previews, locale));
		model.addAttribute("page", number);
		model.addAttribute("firstShown", first + 1);
		model.addAttribute("found", found);
		model.addAttribute("more", first + PAGE_SIZE < found);
		model.addAttribute("sort", "date".equals(sort) ? "date" : "name");
		model.addAttribute("q", q);
		model.addAttribute("uploadFolders", uploadFolders(files));
		uploadLimits(contact, model);
		return "portal/files";
	}

	@GetMapping("/portal/documents/{id}/download")
	ResponseEntity<Resource> download(CurrentContact contact, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
		visibleDocument(contact, id);
		Documents.Download download = this.documents.download(contact.uploader(), contact.firmId(), id,
				range == null || range.replace(" ", "").startsWith("bytes=0-"));
		return Downloads.of(download);
	}

	@GetMapping("/portal/documents/{id}/preview")
	ResponseEntity<byte[]> preview(CurrentContact contact, @PathVariable UUID id) {
		Document document = visibleDocument(contact, id);
		return PreviewResponses.of(document, this.previews.of(document));
	}

	/** A PDF or image shown in the browser, in a sandbox; anything else downloads. */
	@GetMapping("/portal/documents/{id}/view")
	ResponseEntity<Resource> view(CurrentContact contact, @PathVariable UUID id) {
		Document document = visibleDocument(contact, id);
		return Downloads.inline(this.documents.download(contact.uploader(), contact.firmId(), id, true),
				Previews.viewable(document));
	}

	/** Everything the contact sees in the folder and below, as one zip, streamed. */
	@GetMapping("/portal/folders/{id}/zip")
	ResponseEntity<StreamingResponseBody> zip(CurrentContact contact, @PathVariable UUID id,
			HttpServletResponse response) {
		SharedFiles files = seenBy(contact);
		if (!files.sees(id)) {
			throw new NotFoundException("Folder");
		}
		Folder root = files.folder(id);
		Set<UUID> inside = Folders.withDescendants(files.folders(), Set.of(id));
		List<Document> included = this.documents.seen(files.view(), SeenFilter.inFolders(inside), DocumentSort.DEFAULT,
				0, Integer.MAX_VALUE);
		Map<UUID, String> paths = new HashMap<>();
		for (Folder folder : files.folders()) {
			if (inside.contains(folder.id())) {
				paths.put(folder.id(),
						String.join("/",
								Folders.path(files.folders(), folder.id())
									.stream()
									.dropWhile((f) -> !f.id().equals(id))
									.skip(1)
									.map(Folder::name)
									.toList()));
			}
		}
		Downloads.inArchiveChunks(response);
		StreamingResponseBody body = (out) -> this.archives.write(contact.uploader(), contact.firmId(), included, paths,
				out, (sent) -> {
				});
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(root.name() + ".zip"))
			.body(body);
	}

	/** Works as a plain form without script; answers with the confirmation page. */
	@PostMapping("/portal/upload")
	String upload(CurrentContact contact, @RequestParam(required = false) @Nullable UUID folder,
			HttpServletRequest request, Model model) throws IOException, HttpMediaTypeNotSupportedException {
		List<Document> received = receive(contact, folder, request);
		model.addAttribute("contact", contact);
		model.addAttribute("received", received);
		return "portal/received";
	}

	List<Document> receive(CurrentContact contact, @Nullable UUID folder, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		if (folder != null) {
			// Refuse before reading a byte when the answer is already known.
			uploadOptions(contact, folder, null);
		}
		return this.uploads.receive(contact.uploader(), contact.firmId(), contact.clientId(), request,
				(fields) -> uploadOptions(contact, folder, fields));
	}

	UploadOptions uploadOptions(CurrentContact contact, @Nullable UUID folder, @Nullable Map<String, String> fields) {
		UUID target = folder;
		if (target == null && fields != null && fields.get("folderId") != null) {
			try {
				target = UUID.fromString(fields.get("folderId").strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("folderId", "There is no such folder.");
			}
		}
		SharedFiles files = seenBy(contact);
		if (!files.uploadsEnabled()) {
			throw new ForbiddenException(
					contact.firmName() + " does not accept uploads through the portal at the moment.");
		}
		if (target == null || !files.sees(target)) {
			throw new NotFoundException("Folder");
		}
		if (!files.mayUploadTo(target)) {
			throw new ForbiddenException("You can open the documents in this folder, but not upload to it.");
		}
		return new UploadOptions(Documents.notes((fields != null) ? fields.get("notes") : null), null, true, false,
				target);
	}

	/**
	 * The firm's limits, for the uploader to refuse what the server would before sending
	 * it.
	 */
	private void uploadLimits(CurrentContact contact, Model model) {
		FirmSettings settings = this.firms.effectiveSettings(contact.firmId());
		model.addAttribute("uploadMaxFiles", settings.maxFilesPerUpload());
		model.addAttribute("uploadMaxSize", settings.maxFileSize());
		model.addAttribute("uploadMaxSizeLabel", DataSizes.format(settings.maxFileSize()));
		model.addAttribute("uploadAccept", app.dossier.shared.FileTypes.acceptAttribute(settings.allowedTypes()));
		model.addAttribute("uploadTypesLabel",
				app.dossier.shared.FileTypes.acceptAttribute(settings.allowedTypes()).isEmpty() ? ""
						: app.dossier.shared.FileTypes.describe(settings.allowedTypes()));
	}

	private Document visibleDocument(CurrentContact contact, UUID id) {
		return this.documents.seen(seenBy(contact).view(), id).orElseThrow(() -> new NotFoundException("Document"));
	}

	private SharedFiles seenBy(CurrentContact contact) {
		return this.sharing.seenBy(contact.firmId(), contact.clientId(), contact.contactId());
	}

	private static List<Folder> uploadFolders(SharedFiles files) {
		return files.folders().stream().filter((f) -> files.mayUploadTo(f.id())).toList();
	}

}
