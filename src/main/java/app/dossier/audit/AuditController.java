package app.dossier.audit;

import app.dossier.identity.CurrentStaff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/audit")
	String page(CurrentStaff admin, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("audit", this.trail.page(admin, page));
		return "audit/audit";
	}

}
