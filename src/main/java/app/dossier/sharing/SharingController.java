package app.dossier.sharing;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Client;
import app.dossier.clients.Clients;
import app.dossier.clients.Contact;
import app.dossier.clients.Contacts;
import app.dossier.documents.Document;
import app.dossier.documents.DocumentSort;
import app.dossier.documents.Documents;
import app.dossier.documents.FolderTree;
import app.dossier.documents.Folders;
import app.dossier.documents.SeenFilter;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's Sharing tab: pick a contact, see exactly what they see, share and unshare.
 */
@Controller
class SharingController {

	private final Sharing sharing;

	private final Clients clients;

	private final Contacts contacts;

	private final Folders folders;

	private final Documents documents;

	SharingController(Sharing sharing, Clients clients, Contacts contacts, Folders folders, Documents documents) {
		this.sharing = sharing;
		this.clients = clients;
		this.contacts = contacts;
		this.folders = folders;
		this.documents = documents;
	}

	@GetMapping("/clients/{id}/sharing")
	String sharing(CurrentStaff caller, @PathVariable UUID id, @RequestParam(required = false) @Nullable UUID contact,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "") String q, Model model) {
		Client client = this.clients.get(caller.firmId(), id);
		List<Contact> people = this.contacts.ofClient(caller.firmId(), id);
		Contact selected = people.stream()
			.filter((c) -> c.id().equals(contact))
			.findFirst()
			.orElse(people.isEmpty() ? null : people.get(0));
		model.addAttribute("client", client);
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), id));
		model.addAttribute("contacts", people);
		model.addAttribute("selected", selected);
		model.addAttribute("sort", sort);
		model.addAttribute("q", q);
		if (selected != null) {
			SharedFiles files = this.sharing.seenBy(caller.firmId(), selected.id());
			model.addAttribute("files", files);
			model.addAttribute("seen",
					this.documents.seen(files.view(), SeenFilter.everywhere(q), order(sort), 0, Integer.MAX_VALUE));
			model.addAttribute("shares", this.sharing.ofContact(caller.firmId(), selected.id()));
		}
		model.addAttribute("folderTree", FolderTree.of(this.folders.ofClient(caller.firmId(), id)));
		model.addAttribute("allDocuments", this.documents.all(caller.firmId(), id));
		model.addAttribute("names", new Names(this.folders, this.documents, caller.firmId()));
		return "sharing/sharing";
	}

	@PostMapping("/clients/{id}/sharing")
	String share(CurrentStaff caller, @PathVariable UUID id, @RequestParam UUID contactId, @RequestParam String target,
			@RequestParam Permission permission, RedirectAttributes redirect) {
		this.clients.get(caller.firmId(), id);
		try {
			if (target.startsWith("folder:")) {
				this.sharing.shareFolder(caller, UUID.fromString(target.substring(7)), contactId, permission);
			}
			else if (target.startsWith("document:")) {
				this.sharing.shareDocument(caller, UUID.fromString(target.substring(9)), contactId, permission);
			}
			else {
				throw new InvalidInputException("target", "Choose a folder or a document to share.");
			}
			redirect.addFlashAttribute("notice", "Shared.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/clients/" + id + "/sharing?contact=" + contactId;
	}

	@PostMapping("/shares/{id}/delete")
	String unshare(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		Share share = this.sharing.get(caller.firmId(), id);
		this.sharing.unshare(caller, id);
		redirect.addFlashAttribute("notice", "Removed from the portal. It stays in the client's files.");
		return "redirect:/clients/" + share.clientId() + "/sharing?contact=" + share.contactId();
	}

	private static DocumentSort order(String sort) {
		return switch (sort) {
			case "activity" -> new DocumentSort(DocumentSort.Key.ACTIVITY, true);
			case "created" -> new DocumentSort(DocumentSort.Key.CREATED, true);
			default -> DocumentSort.DEFAULT;
		};
	}

	/** What a share points at, by name, for the template. */
	record Names(Folders folders, Documents documents, UUID firmId) {

		public String of(Share share) {
			if (share.folderId() != null) {
				return this.folders.find(this.firmId, share.folderId()).map((f) -> "Folder " + f.name()).orElse("?");
			}
			return (share.documentId() != null)
					? this.documents.find(this.firmId, share.documentId()).map(Document::name).orElse("?") : "?";
		}

	}

}
