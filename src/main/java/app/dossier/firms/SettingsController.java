package app.dossier.firms;

import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Firm settings page, for admins. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SettingsController {

	private final Firms firms;

	SettingsController(Firms firms) {
		this.firms = firms;
	}

	@GetMapping("/settings")
	String settings(CurrentStaff admin, Model model) {
		model.addAttribute("firm", this.firms.get(admin.firmId()));
		return "firms/settings";
	}

	@PostMapping("/settings")
	String save(CurrentStaff admin, @RequestParam String firmName, RedirectAttributes redirect) {
		try {
			this.firms.rename(admin, firmName);
			redirect.addFlashAttribute("notice", "Settings saved.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/settings";
	}

}
