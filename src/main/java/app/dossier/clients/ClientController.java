package app.dossier.clients;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import app.dossier.identity.StaffDirectory;
import app.dossier.shared.ConflictException;
import app.dossier.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client list and a client's Contacts tab (details, contacts, team). */
@Controller
class ClientController {

	private final Clients clients;

	private final Contacts contacts;

	private final StaffDirectory staff;

	ClientController(Clients clients, Contacts contacts, StaffDirectory staff) {
		this.clients = clients;
		this.contacts = contacts;
		this.staff = staff;
	}

	@GetMapping("/clients")
	String list(CurrentStaff caller, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "active") String status, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "0") int page, Model model) {
		ClientStatus filter = switch (status) {
			case "archived" -> ClientStatus.ARCHIVED;
			case "all" -> null;
			default -> ClientStatus.ACTIVE;
		};
		model.addAttribute("clients", this.clients.search(caller, q, filter, mine, page));
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("status", (filter == null) ? "all" : filter.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("mine", mine);
		return "clients/list";
	}

	@PostMapping("/clients")
	String create(CurrentStaff caller, @RequestParam String displayName,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone, RedirectAttributes redirect) {
		try {
			Client client = this.clients.create(caller, new ClientDetails(displayName, email, phone, null, null));
			redirect.addFlashAttribute("notice", "Added " + client.displayName() + ".");
			return "redirect:/clients/" + client.id() + "/files";
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/clients";
		}
	}

	@GetMapping("/clients/{id}")
	String client(CurrentStaff caller, @PathVariable UUID id) {
		this.clients.get(caller.firmId(), id);
		return "redirect:/clients/" + id + "/files";
	}

	@GetMapping("/clients/{id}/contacts")
	String contacts(CurrentStaff caller, @PathVariable UUID id, Model model) {
		Client client = this.clients.get(caller.firmId(), id);
		model.addAttribute("client", client);
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), id));
		model.addAttribute("folderName", this.clients.folderNameOf(client));
		model.addAttribute("contacts", this.contacts.ofClient(caller.firmId(), id));
		List<UUID> team = this.clients.team(caller.firmId(), id).stream().map((m) -> m.id()).toList();
		model.addAttribute("team", team);
		model.addAttribute("members", this.staff.members(caller.firmId()));
		return "clients/contacts";
	}

	@PostMapping("/clients/{id}")
	String save(CurrentStaff caller, @PathVariable UUID id, @RequestParam String displayName,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String notes, @RequestParam ClientStatus status,
			RedirectAttributes redirect) {
		return attempt(id, redirect, "Details saved.",
				() -> this.clients.change(caller, id, new ClientDetails(displayName, email, phone, notes, status)));
	}

	@PostMapping("/clients/{id}/team")
	String team(CurrentStaff caller, @PathVariable UUID id,
			@RequestParam(name = "staffId", required = false) @Nullable List<UUID> staffIds,
			RedirectAttributes redirect) {
		return attempt(id, redirect, "Team saved.",
				() -> this.clients.assignTeam(caller, id, (staffIds != null) ? staffIds : List.of()));
	}

	@PostMapping("/clients/{id}/contacts")
	String addContact(CurrentStaff caller, @PathVariable UUID id, @RequestParam String name, @RequestParam String email,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "false") boolean smsOptIn,
			RedirectAttributes redirect) {
		return attempt(id, redirect, "Contact added.",
				() -> this.contacts.add(caller, id, new ContactDetails(name, email, phone, smsOptIn)));
	}

	@PostMapping("/contacts/{id}")
	String changeContact(CurrentStaff caller, @PathVariable UUID id, @RequestParam String name,
			@RequestParam String email, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "false") boolean smsOptIn, RedirectAttributes redirect) {
		Contact contact = this.contacts.get(caller.firmId(), id);
		return attempt(contact.clientId(), redirect, "Contact saved.",
				() -> this.contacts.change(caller, id, new ContactDetails(name, email, phone, smsOptIn)));
	}

	@PostMapping("/contacts/{id}/delete")
	String removeContact(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		Contact contact = this.contacts.get(caller.firmId(), id);
		return attempt(contact.clientId(), redirect, "Contact removed.", () -> this.contacts.remove(caller, id));
	}

	@PostMapping("/contacts/{id}/portal-access")
	String grantPortalAccess(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		Contact contact = this.contacts.grantPortalAccess(caller, id);
		redirect.addFlashAttribute("notice", contact.name() + " can now sign in to the portal; we emailed them.");
		return "redirect:/clients/" + contact.clientId() + "/sharing?contact=" + id;
	}

	@PostMapping("/contacts/{id}/portal-access/revoke")
	String revokePortalAccess(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		Contact contact = this.contacts.revokePortalAccess(caller, id);
		redirect.addFlashAttribute("notice", contact.name() + " can no longer sign in to the portal.");
		return "redirect:/clients/" + contact.clientId() + "/contacts";
	}

	@PostMapping("/clients/{id}/delete")
	String delete(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		Client client = this.clients.get(caller.firmId(), id);
		try {
			this.clients.delete(caller, id);
			redirect.addFlashAttribute("notice", "Deleted " + client.displayName() + ".");
			return "redirect:/clients";
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/clients/" + id + "/contacts";
		}
	}

	private static String attempt(UUID clientId, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/clients/" + clientId + "/contacts";
	}

}
