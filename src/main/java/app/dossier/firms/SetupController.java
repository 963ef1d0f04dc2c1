package app.dossier.firms;

import jakarta.servlet.http.HttpServletRequest;

import app.dossier.identity.Actor;
import app.dossier.shared.ConflictException;
import app.dossier.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** First run: asks for the firm and its administrator while no firm exists. */
@Controller
class SetupController {

	private final FirmOnboarding onboarding;

	private final Firms firms;

	SetupController(FirmOnboarding onboarding, Firms firms) {
		this.onboarding = onboarding;
		this.firms = firms;
	}

	@GetMapping("/setup")
	String form() {
		return this.firms.anyExists() ? "redirect:/login" : "firms/setup";
	}

	@PostMapping("/setup")
	String setUp(@RequestParam String firmName, @RequestParam String adminName, @RequestParam String adminEmail,
			@RequestParam String adminPassword, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (this.firms.anyExists()) {
			return "redirect:/login";
		}
		try {
			this.onboarding.setUp(new FirmOnboarding.NewFirm(firmName, adminName, adminEmail, adminPassword), "setup",
					Actor.anonymous(request.getRemoteAddr()));
			redirect.addFlashAttribute("notice", "Your firm is ready. Sign in to start.");
			redirect.addFlashAttribute("email", adminEmail.strip());
			return "redirect:/login";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errorField", ex.field());
		}
		catch (ConflictException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		model.addAttribute("firmName", firmName);
		model.addAttribute("adminName", adminName);
		model.addAttribute("adminEmail", adminEmail);
		return "firms/setup";
	}

}
