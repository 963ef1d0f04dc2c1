package app.dossier.links;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Client;
import app.dossier.clients.Clients;
import app.dossier.clients.Contacts;
import app.dossier.documents.Document;
import app.dossier.documents.DocumentPage;
import app.dossier.documents.Documents;
import app.dossier.documents.FolderTree;
import app.dossier.documents.Folders;
import app.dossier.identity.CurrentStaff;
import app.dossier.identity.StaffDirectory;
import app.dossier.identity.StaffSummary;
import app.dossier.matters.Matters;
import app.dossier.shared.ConflictException;
import app.dossier.shared.FileTypes;
import app.dossier.shared.ForbiddenException;
import app.dossier.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for secure links: the client's Links tab (make one), and one link's page
 * (status, link and code with copy buttons, settings, sending, what was downloaded and
 * received).
 */
@Controller
class LinkController {

	private static final long MB = 1024 * 1024;

	private final Links links;

	private final LinkSending sending;

	private final Clients clients;

	private final Contacts contacts;

	private final Folders folders;

	private final Matters matters;

	private final Documents documents;

	private final StaffDirectory staff;

	private final Clock clock;

	LinkController(Links links, LinkSending sending, Clients clients, Contacts contacts, Folders folders,
			Matters matters, Documents documents, StaffDirectory staff, Clock clock) {
		this.links = links;
		this.sending = sending;
		this.clients = clients;
		this.contacts = contacts;
		this.folders = folders;
		this.matters = matters;
		this.documents = documents;
		this.staff = staff;
		this.clock = clock;
	}

	@GetMapping("/clients/{id}/links")
	String links(CurrentStaff caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String find,
			@RequestParam(required = false) @Nullable List<UUID> documentIds, Model model) {
		Client client = this.clients.get(caller.firmId(), id);
		Instant now = this.clock.instant();
		model.addAttribute("client", client);
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), id));
		model.addAttribute("links",
				this.links.ofClient(caller.firmId(), id)
					.stream()
					.map((link) -> new Row(link, link.works(now), this.links.target(link)))
					.toList());
		model.addAttribute("folderTree", FolderTree.of(this.folders.ofClient(caller.firmId(), id)));
		model.addAttribute("matters", this.matters.ofClient(caller.firmId(), id));
		// Documents to offer, a page's worth found by name (a client may hold tens of
		// thousands), after those already ticked, which a search keeps.
		List<Document> chosen = (documentIds == null) ? List.of()
				: this.documents
					.find(caller.firmId(), documentIds.stream().distinct().limit(DocumentPage.DEFAULT_LIMIT).toList())
					.stream()
					.filter((document) -> document.clientId().equals(id))
					.sorted(Comparator.comparing(Document::name, String.CASE_INSENSITIVE_ORDER))
					.toList();
		DocumentPage choices = this.documents.choices(caller.firmId(), id, find);
		model.addAttribute("find", find);
		model.addAttribute("chosen", chosen);
		Set<UUID> ticked = chosen.stream().map(Document::id).collect(Collectors.toSet());
		model.addAttribute("choices",
				choices.items().stream().filter((document) -> !ticked.contains(document.id())).toList());
		model.addAttribute("moreChoices", choices.more());
		model.addAttribute("types", FileTypes.values());
		model.addAttribute("linkDefaults", FileTypes.LINK_DEFAULTS);
		return "links/links";
	}

	@PostMapping("/clients/{id}/links")
	String create(CurrentStaff caller, @PathVariable UUID id, @RequestParam String kind,
			@RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String message,
			@RequestParam(defaultValue = "") String expiresAt, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(defaultValue = "") String maxFiles, @RequestParam(defaultValue = "") String maxFileSizeMb,
			@RequestParam(required = false) @Nullable List<String> allowedTypes,
			@RequestParam(required = false) @Nullable List<UUID> documentIds, RedirectAttributes redirect) {
		return attempt(redirect, "/clients/" + id + "/links", () -> {
			LinkKind chosen = "DOWNLOAD".equals(kind) ? LinkKind.DOWNLOAD : LinkKind.UPLOAD;
			Link link = this.links.create(caller, id,
					new Links.LinkRequest(chosen, message, dateTime(expiresAt), enabled, number("maxFiles", maxFiles),
							megabytes(maxFileSizeMb), (chosen == LinkKind.UPLOAD) ? allowedTypes : null,
							target.startsWith("folder:") ? uuid(target.substring(7)) : null,
							target.startsWith("matter:") ? uuid(target.substring(7)) : null,
							(chosen == LinkKind.DOWNLOAD) ? documentIds : null));
			redirect.addFlashAttribute("notice", link.enabled() ? "Link made and enabled. Send it, or copy it below."
					: "Link made. It stays off until you enable it.");
			return "/links/" + link.id();
		});
	}

	@GetMapping("/links/{id}")
	String link(CurrentStaff caller, @PathVariable UUID id, Model model) {
		Link link = this.links.get(caller.firmId(), id);
		List<Receipts.Receipt> history = this.links.history(link);
		Map<UUID, Instant> lastDownload = new HashMap<>();
		history.stream()
			.filter((r) -> r.kind() == Receipts.Receipt.Kind.DOWNLOAD && r.documentId() != null)
			.forEach((r) -> lastDownload.putIfAbsent(r.documentId(), r.at()));
		model.addAttribute("client", this.clients.get(caller.firmId(), link.clientId()));
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), link.clientId()));
		model.addAttribute("link", link);
		model.addAttribute("works", link.works(this.clock.instant()));
		model.addAttribute("expired", link.expired(this.clock.instant()));
		model.addAttribute("url", this.links.url(link));
		model.addAttribute("code", this.links.code(link));
		model.addAttribute("target", this.links.target(link));
		model.addAttribute("typesLabel", FileTypes.describe(link.allowedTypes()));
		model.addAttribute("types", FileTypes.values());
		model.addAttribute("offered", (link.kind() == LinkKind.DOWNLOAD) ? this.links.offered(link) : List.of());
		model.addAttribute("lastDownload", lastDownload);
		model.addAttribute("history", history);
		model.addAttribute("contacts", this.contacts.ofClient(caller.firmId(), link.clientId()));
		model.addAttribute("draft", this.sending.draft(caller.firmId(), id));
		model.addAttribute("team", caller.isAdmin()
				? this.staff.members(caller.firmId()).stream().filter(StaffSummary::active).toList() : List.of());
		model.addAttribute("myId", caller.staffId());
		return "links/link";
	}

	@PostMapping("/links/{id}")
	String save(CurrentStaff caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String message,
			@RequestParam(defaultValue = "") String expiresAt, @RequestParam(defaultValue = "") String maxFiles,
			@RequestParam(defaultValue = "") String maxFileSizeMb,
			@RequestParam(required = false) @Nullable List<String> allowedTypes, RedirectAttributes redirect) {
		return attempt(redirect, "/links/" + id, () -> {
			Link link = this.links.get(caller.firmId(), id);
			this.links.change(caller, id,
					new Links.LinkRequest(null, message, dateTime(expiresAt), null, number("maxFiles", maxFiles),
							megabytes(maxFileSizeMb), (link.kind() == LinkKind.UPLOAD) ? allowedTypes : null, null,
							null, null));
			redirect.addFlashAttribute("notice", "Link saved.");
			return "/links/" + id;
		});
	}

	@PostMapping("/links/{id}/enabled")
	String enable(CurrentStaff caller, @PathVariable UUID id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		return attempt(redirect, "/links/" + id, () -> {
			this.links.change(caller, id,
					new Links.LinkRequest(null, null, null, enabled, null, null, null, null, null, null));
			redirect.addFlashAttribute("notice", enabled ? "The link is on."
					: "The link is off: it stops working at" + " once, even for someone in the middle of an upload.");
			return "/links/" + id;
		});
	}

	@PostMapping("/links/{id}/code")
	String renewCode(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		this.links.renewCode(caller, id);
		redirect.addFlashAttribute("notice", "The link has a new security code; the old one no longer works.");
		return "redirect:/links/" + id;
	}

	@PostMapping("/links/{id}/send")
	String send(CurrentStaff caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable List<UUID> contactIds,
			@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
			@RequestParam(required = false) @Nullable UUID onBehalfOf, RedirectAttributes redirect) {
		return attempt(redirect, "/links/" + id, () -> {
			LinkSending.Sent sent = this.sending.send(caller, id,
					new LinkSending.SendRequest(contactIds, subject, body, onBehalfOf));
			redirect.addFlashAttribute("sent", sent);
			return "/links/" + id;
		});
	}

	@PostMapping("/links/{id}/delete")
	String delete(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		Link link = this.links.get(caller.firmId(), id);
		this.links.delete(caller, id);
		redirect.addFlashAttribute("notice", "Link deleted. Its address no longer works.");
		return "redirect:/clients/" + link.clientId() + "/links";
	}

	/** Runs a change; a refused one comes back as a message on the page it came from. */
	private static String attempt(RedirectAttributes redirect, String back, Supplier<String> change) {
		try {
			return "redirect:" + change.get();
		}
		catch (InvalidInputException | ConflictException | ForbiddenException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:" + back;
		}
	}

	private static @Nullable Instant dateTime(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("expiresAt", "Choose a date and time such as 2026-12-31T17:00.");
		}
	}

	private static @Nullable Integer number(String field, String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "Enter a whole number.");
		}
	}

	private static @Nullable Long megabytes(String value) {
		Integer mb = number("maxFileSize", value);
		return (mb != null) ? mb * MB : null;
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("target", "Choose a folder or matter from the list.");
		}
	}

	/** A line of the Links tab. */
	record Row(Link link, boolean works, String target) {
	}

}
