package app.dossier.matters;

import java.util.UUID;

import app.dossier.clients.Clients;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client's Matters tab and each matter's timeline. */
@Controller
class MatterController {

	private final Matters matters;

	private final Clients clients;

	MatterController(Matters matters, Clients clients) {
		this.matters = matters;
		this.clients = clients;
	}

	@GetMapping("/clients/{id}/matters")
	String list(CurrentStaff caller, @PathVariable UUID id, Model model) {
		model.addAttribute("client", this.clients.get(caller.firmId(), id));
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), id));
		model.addAttribute("matters", this.matters.ofClient(caller.firmId(), id));
		return "matters/matters";
	}

	@PostMapping("/clients/{id}/matters")
	String open(CurrentStaff caller, @PathVariable UUID id, @RequestParam String name, @RequestParam String type,
			RedirectAttributes redirect) {
		try {
			Matter matter = this.matters.open(caller, id, name, type);
			return "redirect:/matters/" + matter.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/clients/" + id + "/matters";
		}
	}

	@GetMapping("/matters/{id}")
	String matter(CurrentStaff caller, @PathVariable UUID id, Model model) {
		Matter matter = this.matters.get(caller.firmId(), id);
		model.addAttribute("client", this.clients.get(caller.firmId(), matter.clientId()));
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), matter.clientId()));
		model.addAttribute("matter", matter);
		var timeline = this.matters.timeline(caller.firmId(), id);
		model.addAttribute("timeline", timeline);
		model.addAttribute("labels", timeline.stream()
			.collect(java.util.stream.Collectors.toMap(app.dossier.documents.Document::id, Matters::label)));
		return "matters/matter";
	}

	@PostMapping("/matters/{id}/status")
	String status(CurrentStaff caller, @PathVariable UUID id, @RequestParam MatterStatus status) {
		this.matters.change(caller, id, null, null, status);
		return "redirect:/matters/" + id;
	}

}
