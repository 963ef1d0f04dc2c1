package app.dossier.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.dossier.identity.CurrentStaff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit")
class AuditApiController {

	private final AuditTrail trail;

	AuditApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/audit")
	@Operation(summary = "The firm's audit trail, newest first, 50 per page (admins)")
	AuditTrail.Page page(CurrentStaff admin, @RequestParam(defaultValue = "0") int page) {
		return this.trail.page(admin, page);
	}

}
