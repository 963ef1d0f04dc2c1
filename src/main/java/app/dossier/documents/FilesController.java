package app.dossier.documents;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Client;
import app.dossier.clients.Clients;
import app.dossier.firms.FirmSettings;
import app.dossier.firms.Firms;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import app.dossier.storage.DataSizes;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client's Files tab: the document table, its inline edits, downloads and deletion. */
@Controller
class FilesController {

	private final Documents documents;

	private final Clients clients;

	private final Firms firms;

	FilesController(Documents documents, Clients clients, Firms firms) {
		this.documents = documents;
		this.clients = clients;
		this.firms = firms;
	}

	@GetMapping("/clients/{id}/files")
	String files(CurrentStaff caller, @PathVariable UUID id, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String order, @RequestParam(required = false) @Nullable String q,
			Model model) {
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
		model.addAttribute("documents", this.documents.list(caller.firmId(), id, documentSort, q));
		model.addAttribute("newSince", this.documents.opened(caller, id));
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), id));
		model.addAttribute("sort", documentSort);
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("settings", settings);
		model.addAttribute("maxFileSizeLabel", DataSizes.format(settings.maxFileSize()));
		return "documents/files";
	}

	@PostMapping("/documents/{id}")
	String save(CurrentStaff caller, @PathVariable UUID id, @RequestParam String name,
			@RequestParam(defaultValue = "") String notes, @RequestParam(defaultValue = "") String documentDate,
			@RequestParam(defaultValue = "false") boolean visibleToClient,
			@RequestParam(defaultValue = "false") boolean showOnDashboard,
			@RequestParam(required = false) @Nullable String folderId, RedirectAttributes redirect) {
		Document document = this.documents.get(caller.firmId(), id);
		try {
			this.documents.change(caller, id,
					new DocumentChange(name, notes, documentDate, visibleToClient, showOnDashboard, folderId));
			redirect.addFlashAttribute("notice", "Saved " + name.strip() + ".");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/clients/" + document.clientId() + "/files";
	}

	/** The inline switches; answers with the updated row for htmx to swap in. */
	@PostMapping("/documents/{id}/flags")
	String flags(CurrentStaff caller, @PathVariable UUID id, @RequestParam String field,
			@RequestParam(defaultValue = "false") boolean on, Model model) {
		DocumentChange change = switch (field) {
			case "visibleToClient" -> DocumentChange.flags(on, null);
			case "showOnDashboard" -> DocumentChange.flags(null, on);
			default -> throw new InvalidInputException("field", "Unknown switch.");
		};
		Document document = this.documents.change(caller, id, change);
		model.addAttribute("d", document);
		return "documents/files :: row";
	}

	@PostMapping("/documents/{id}/delete")
	String delete(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		Document document = this.documents.get(caller.firmId(), id);
		this.documents.delete(caller, id);
		redirect.addFlashAttribute("notice", "Deleted " + document.name() + ".");
		return "redirect:/clients/" + document.clientId() + "/files";
	}

	@GetMapping("/documents/{id}/download")
	ResponseEntity<Resource> download(CurrentStaff caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
		return Downloads.of(this.documents.download(Uploader.staff(caller), caller.firmId(), id,
				DocumentApiController.isFirstPart(range)));
	}

}
