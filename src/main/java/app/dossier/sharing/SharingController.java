package app.dossier.sharing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Client;
import app.dossier.clients.Clients;
import app.dossier.clients.Contact;
import app.dossier.clients.Contacts;
import app.dossier.documents.DocumentPage;
import app.dossier.documents.DocumentSort;
import app.dossier.documents.Folder;
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

	private static final int PAGE_SIZE = 100;

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
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int sharesPage,
			@RequestParam(defaultValue = "") String find, Model model) {
		Client client = this.clients.get(caller.firmId(), id);
		List<Contact> people = this.contacts.ofClient(caller.firmId(), id);
		Contact selected = people.stream()
			.filter((c) -> c.id().equals(contact))
			.findFirst()
			.orElse(people.isEmpty() ? null : people.get(0));
		List<Folder> folders = this.folders.ofClient(caller.firmId(), id);
		model.addAttribute("client", client);
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), id));
		model.addAttribute("contacts", people);
		model.addAttribute("selected", selected);
		model.addAttribute("sort", sort);
		model.addAttribute("q", q);
		model.addAttribute("find", find);
		if (selected != null) {
			SharedFiles files = this.sharing.seenBy(caller.firmId(), id, selected.id());
			model.addAttribute("files", files);
			seen(files, SeenFilter.everywhere(q), order(sort), page, model);
			shares(caller.firmId(), selected.id(), folders, sharesPage, model);
		}
		model.addAttribute("folderTree", FolderTree.of(folders));
		DocumentPage choices = this.documents.choices(caller.firmId(), id, find);
		model.addAttribute("choices", choices.items());
		model.addAttribute("moreChoices", choices.more());
		return "sharing/sharing";
	}

	/** What the contact sees, a page at a time, as the portal lists it. */
	private void seen(SharedFiles files, SeenFilter filter, DocumentSort sort, int page, Model model) {
		int shown = Math.clamp(page, 0, Integer.MAX_VALUE / PAGE_SIZE - 1);
		int found = this.documents.countSeen(files.view(), filter);
		model.addAttribute("seen", this.documents.seen(files.view(), filter, sort, shown * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("seenFound", found);
		model.addAttribute("page", shown);
		model.addAttribute("firstShown", shown * PAGE_SIZE + 1);
		model.addAttribute("more", (long) (shown + 1) * PAGE_SIZE < found);
	}

	/**
	 * What is shared with the contact, folders first, a page at a time: every file put
	 * straight into the client's storage folder is shared one by one, so there can be
	 * thousands. Names come in one query for the page.
	 */
	private void shares(UUID firmId, UUID contactId, List<Folder> folders, int page, Model model) {
		List<Share> all = this.sharing.ofContact(firmId, contactId)
			.stream()
			.sorted(Comparator.comparing((Share share) -> share.folderId() == null))
			.toList();
		int shown = Math.clamp(page, 0, Math.max(0, (all.size() - 1) / PAGE_SIZE));
		List<Share> onPage = all.subList(shown * PAGE_SIZE, Math.min(all.size(), (shown + 1) * PAGE_SIZE));
		Map<UUID, String> names = new HashMap<>();
		folders.forEach((folder) -> names.put(folder.id(), "Folder " + folder.name()));
		this.documents.find(firmId, onPage.stream().map(Share::documentId).filter(Objects::nonNull).toList())
			.forEach((document) -> names.put(document.id(), document.name()));
		model.addAttribute("shares", onPage);
		model.addAttribute("shareNames",
				onPage.stream()
					.collect(Collectors.toMap(Share::id, (share) -> names
						.getOrDefault((share.folderId() != null) ? share.folderId() : share.documentId(), "?"))));
		model.addAttribute("sharesFound", all.size());
		model.addAttribute("sharesPage", shown);
		model.addAttribute("sharesFirst", shown * PAGE_SIZE + 1);
		model.addAttribute("moreShares", (shown + 1) * PAGE_SIZE < all.size());
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

}
