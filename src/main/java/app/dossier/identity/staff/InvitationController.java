package app.dossier.identity.staff;

import jakarta.servlet.http.HttpServletRequest;

import app.dossier.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an invited person chooses a password. Unknown, used and expired links end on the
 * friendly error page through the shared exception handling.
 */
@Controller
class InvitationController {

	private final StaffManagement staff;

	InvitationController(StaffManagement staff) {
		this.staff = staff;
	}

	@GetMapping("/invitations/{token}")
	String show(@PathVariable String token, Model model) {
		StaffMember invitee = this.staff.invitee(token);
		model.addAttribute("token", token);
		model.addAttribute("invitee", invitee);
		model.addAttribute("name", invitee.name());
		return "identity/invitation";
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, @RequestParam String name, @RequestParam String password,
			@RequestParam String confirmPassword, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		StaffMember invitee = this.staff.invitee(token);
		try {
			if (!password.equals(confirmPassword)) {
				throw new InvalidInputException("confirmPassword", "The two passwords are not the same.");
			}
			StaffMember joined = this.staff.accept(token, name, password, request.getRemoteAddr());
			redirect.addFlashAttribute("notice", "Welcome, " + joined.name() + ". Sign in with your new password.");
			redirect.addFlashAttribute("email", joined.email());
			return "redirect:/login";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("token", token);
			model.addAttribute("invitee", invitee);
			model.addAttribute("name", name);
			model.addAttribute("error", ex.getMessage());
			return "identity/invitation";
		}
	}

}
