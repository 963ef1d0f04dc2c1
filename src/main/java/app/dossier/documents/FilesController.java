package app.dossier.documents;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Client;
import app.dossier.clients.Clients;
import app.dossier.firms.FirmSettings;
import app.dossier.firms.Firms;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.ConflictException;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.shared.TooLargeException;
import app.dossier.storage.DataSizes;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client's Files tab: the document table, its inline edits, downloads and deletion. */
@Controller
class FilesController {

	/** Documents on one page of a client's files. */
	static final int PAGE_SIZE = 100;

	private final Documents documents;

	private final Clients clients;

	private final Firms firms;

	private final Folders folders;

	private final Uploads uploads;

	FilesController(Documents documents, Clients clients, Firms firms, Folders folders, Uploads uploads) {
		this.documents = documents;
		this.clients = clients;
		this.firms = firms;
		this.folders = folders;
		this.uploads = uploads;
	}

	@GetMapping("/clients/{id}/files")
	String files(CurrentStaff caller, @PathVariable UUID id, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String order, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable UUID folder, @RequestParam(defaultValue = "0") int page,
			HttpServletRequest request, Model model) {
		Client client = this.clients.get(caller.firmId(), id);
		DocumentSort documentSort;
		try {
			documentSort = DocumentSort.of(sort, order);
		}
		catch (InvalidInputException ex) {
			documentSort = DocumentSort.DEFAULT;
		}
		FirmSettings settings = this.firms.effectiveSettings(caller.firmId());
		model.addAttribute("client", client);
		List<Folder> folders = this.folders.ofClient(caller.firmId(), id);
		Folder current = (folder != null) ? folders.stream()
			.filter((f) -> f.id().equals(folder))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Folder")) : null;
		Set<UUID> inside = (current != null) ? Folders.withDescendants(folders, Set.of(current.id())) : null;
		// A page at a time: a client with thousands of documents would otherwise be one
		// page of megabytes, each row carrying its edit form.
		int shown = Math.clamp(page, 0, Integer.MAX_VALUE / PAGE_SIZE - 1);
		DocumentPage documentPage = this.documents.page(caller.firmId(), id, documentSort, q, inside, shown * PAGE_SIZE,
				PAGE_SIZE);
		model.addAttribute("documents", documentPage.items());
		model.addAttribute("page", shown);
		model.addAttribute("firstShown", shown * PAGE_SIZE + 1);
		model.addAttribute("more", documentPage.more());
		model.addAttribute("here",
				request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : ""));
		model.addAttribute("newSince", this.documents.opened(caller, id));
		model.addAttribute("folders", FolderTree.of(folders));
		model.addAttribute("folder", current);
		model.addAttribute("folderNames", folders.stream().collect(Collectors.toMap(Folder::id, Folder::name)));
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), id));
		model.addAttribute("sort", documentSort);
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("settings", settings);
		model.addAttribute("maxFileSizeLabel", DataSizes.format(settings.maxFileSize()));
		model.addAttribute("accept", app.dossier.shared.FileTypes.acceptAttribute(settings.allowedTypes()));
		model.addAttribute("typesLabel", app.dossier.shared.FileTypes.acceptAttribute(settings.allowedTypes()).isEmpty()
				? "" : app.dossier.shared.FileTypes.describe(settings.allowedTypes()));
		return "documents/files";
	}

	@PostMapping("/documents/{id}")
	String save(CurrentStaff caller, @PathVariable UUID id, @RequestParam String name,
			@RequestParam(defaultValue = "") String notes, @RequestParam(defaultValue = "") String documentDate,
			@RequestParam(defaultValue = "false") boolean visibleToClient,
			@RequestParam(defaultValue = "false") boolean showOnDashboard,
			@RequestParam(required = false) @Nullable String folderId,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		Document document = this.documents.get(caller.firmId(), id);
		try {
			this.documents.change(caller, id,
					new DocumentChange(name, notes, documentDate, visibleToClient, showOnDashboard, folderId));
			redirect.addFlashAttribute("notice", "Saved " + name.strip() + ".");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return backToList(document.clientId(), back);
	}

	private static @Nullable String pathAndQuery(@Nullable String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * Where an edit or a deletion returns: the page of the list it was made on (folder,
	 * order, search, page) when that is this client's list, else the list's first page.
	 */
	static String backToList(UUID clientId, @Nullable String back) {
		String list = "/clients/" + clientId + "/files";
		boolean ours = back != null && (back.equals(list) || back.startsWith(list + "?"))
				&& back.chars().noneMatch((c) -> Character.isISOControl(c) || c == '{' || c == '}');
		return "redirect:" + (ours ? back : list);
	}

	/** The inline switches; answers with the updated row for htmx to swap in. */
	@PostMapping("/documents/{id}/flags")
	String flags(CurrentStaff caller, @PathVariable UUID id, @RequestParam String field,
			@RequestParam(defaultValue = "false") boolean on,
			@RequestHeader(name = "HX-Current-URL", required = false) @Nullable String page, Model model) {
		DocumentChange change = switch (field) {
			case "visibleToClient" -> DocumentChange.flags(on, null);
			case "showOnDashboard" -> DocumentChange.flags(null, on);
			default -> throw new InvalidInputException("field", "Unknown switch.");
		};
		Document document = this.documents.change(caller, id, change);
		List<Folder> folders = this.folders.ofClient(caller.firmId(), document.clientId());
		// The row fragment repeats over "documents": here, over this one.
		model.addAttribute("documents", List.of(document));
		model.addAttribute("folders", FolderTree.of(folders));
		model.addAttribute("folderNames", folders.stream().collect(Collectors.toMap(Folder::id, Folder::name)));
		model.addAttribute("folder", null);
		// The marker only matters on the page as it was opened; a toggled row drops it.
		model.addAttribute("newSince", document.createdAt());
		// The row's edit form returns to the page the switch was flipped on.
		model.addAttribute("here", pathAndQuery(page));
		return "documents/files :: row";
	}

	@PostMapping("/clients/{id}/folders")
	String createFolder(CurrentStaff caller, @PathVariable UUID id, @RequestParam String name,
			@RequestParam(required = false) @Nullable UUID parentId, RedirectAttributes redirect) {
		try {
			Folder folder = this.folders.create(caller, id, name, parentId);
			redirect.addFlashAttribute("notice", "Created folder " + folder.name() + ".");
			return "redirect:/clients/" + id + "/files?folder=" + folder.id();
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/clients/" + id + "/files" + ((parentId != null) ? "?folder=" + parentId : "");
		}
	}

	@PostMapping("/folders/{id}")
	String renameFolder(CurrentStaff caller, @PathVariable UUID id, @RequestParam String name,
			RedirectAttributes redirect) {
		Folder folder = this.folders.get(caller.firmId(), id);
		try {
			this.folders.rename(caller, id, name);
			redirect.addFlashAttribute("notice", "Folder renamed.");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/clients/" + folder.clientId() + "/files?folder=" + id;
	}

	@PostMapping("/folders/{id}/delete")
	String deleteFolder(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		Folder folder = this.folders.get(caller.firmId(), id);
		try {
			this.folders.delete(caller, id);
			redirect.addFlashAttribute("notice", "Deleted folder " + folder.name() + ".");
			return "redirect:/clients/" + folder.clientId() + "/files";
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/clients/" + folder.clientId() + "/files?folder=" + id;
		}
	}

	@GetMapping("/documents/{id}/versions")
	String versions(CurrentStaff caller, @PathVariable UUID id, Model model) {
		Document document = this.documents.get(caller.firmId(), id);
		model.addAttribute("client", this.clients.get(caller.firmId(), document.clientId()));
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), document.clientId()));
		model.addAttribute("document", document);
		model.addAttribute("versions", this.documents.versions(caller.firmId(), id));
		return "documents/versions";
	}

	/**
	 * A plain form post; the CSRF token travels in the address because the body is a
	 * stream.
	 */
	@PostMapping("/documents/{id}/versions")
	String addVersion(CurrentStaff caller, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) throws IOException, HttpMediaTypeNotSupportedException {
		try {
			Document document = this.uploads.receiveVersion(Uploader.staff(caller), caller.firmId(), id, request);
			redirect.addFlashAttribute("notice",
					"Version " + document.version() + " of " + document.name() + " is now current.");
		}
		catch (InvalidInputException | TooLargeException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/documents/" + id + "/versions";
	}

	@PostMapping("/documents/{id}/versions/{versionId}/restore")
	String restore(CurrentStaff caller, @PathVariable UUID id, @PathVariable UUID versionId,
			RedirectAttributes redirect) {
		Document document = this.documents.restore(caller, id, versionId);
		redirect.addFlashAttribute("notice", "Restored as version " + document.version() + ".");
		return "redirect:/documents/" + id + "/versions";
	}

	@GetMapping("/documents/{id}/versions/{versionId}/download")
	ResponseEntity<Resource> downloadVersion(CurrentStaff caller, @PathVariable UUID id, @PathVariable UUID versionId) {
		return Downloads.of(this.documents.downloadVersion(Uploader.staff(caller), caller.firmId(), id, versionId));
	}

	@PostMapping("/documents/{id}/delete")
	String delete(CurrentStaff caller, @PathVariable UUID id, @RequestParam(required = false) @Nullable String back,
			RedirectAttributes redirect) {
		Document document = this.documents.get(caller.firmId(), id);
		this.documents.delete(caller, id);
		redirect.addFlashAttribute("notice", "Deleted " + document.name() + ".");
		return backToList(document.clientId(), back);
	}

	@GetMapping("/documents/{id}/download")
	ResponseEntity<Resource> download(CurrentStaff caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
		return Downloads.of(this.documents.download(Uploader.staff(caller), caller.firmId(), id,
				DocumentApiController.isFirstPart(range)));
	}

}
