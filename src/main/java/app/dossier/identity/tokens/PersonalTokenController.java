package app.dossier.identity.tokens;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Personal access tokens on the account page: create (shown once) and revoke. */
@Controller
class PersonalTokenController {

	private final TokenService tokens;

	PersonalTokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/account/tokens")
	String list(CurrentStaff caller, Model model) {
		model.addAttribute("tokens", this.tokens.personalTokens(caller));
		return "identity/tokens";
	}

	@PostMapping("/account/tokens")
	String create(CurrentStaff caller, @RequestParam String name, @RequestParam(required = false) @Nullable String days,
			RedirectAttributes redirect) {
		try {
			Integer lifetime = (days == null || days.isBlank()) ? null : parseDays(days);
			TokenService.IssuedToken issued = this.tokens.createPersonalToken(caller, name, lifetime);
			redirect.addFlashAttribute("newToken", issued.secret());
			redirect.addFlashAttribute("notice",
					"Token \"" + issued.token().name() + "\" created. Copy it now: it will not be shown again.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account/tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.tokens.revoke(caller, id);
			redirect.addFlashAttribute("notice", "The token was revoked. Programs using it can no longer connect.");
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("error", "That token does not exist or was already revoked.");
		}
		return "redirect:/account/tokens";
	}

	private static Integer parseDays(String days) {
		try {
			return Integer.valueOf(days.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("days", "Choose a lifetime in days, or none.");
		}
	}

}
