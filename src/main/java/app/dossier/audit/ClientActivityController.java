package app.dossier.audit;

import java.util.UUID;

import app.dossier.clients.Clients;
import app.dossier.identity.CurrentStaff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A client's Activity tab. */
@Controller
class ClientActivityController {

	private final AuditTrail trail;

	private final Clients clients;

	ClientActivityController(AuditTrail trail, Clients clients) {
		this.trail = trail;
		this.clients = clients;
	}

	@GetMapping("/clients/{id}/activity")
	String activity(CurrentStaff caller, @PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("client", this.clients.get(caller.firmId(), id));
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), id));
		model.addAttribute("activity", this.trail.clientActivity(caller, id, page));
		return "audit/client-activity";
	}

}
