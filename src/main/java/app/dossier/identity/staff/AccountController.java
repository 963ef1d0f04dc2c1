package app.dossier.identity.staff;

import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: name and password. Tokens live beside it. */
@Controller
class AccountController {

	private final StaffManagement staff;

	AccountController(StaffManagement staff) {
		this.staff = staff;
	}

	@GetMapping("/account")
	String account(CurrentStaff caller, Model model) {
		model.addAttribute("member", this.staff.get(caller, caller.staffId()));
		return "identity/account";
	}

	@PostMapping("/account/name")
	String rename(CurrentStaff caller, @RequestParam String name, RedirectAttributes redirect) {
		try {
			this.staff.rename(caller, name);
			redirect.addFlashAttribute("notice", "Your name was saved.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(CurrentStaff caller, @RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, RedirectAttributes redirect) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw new InvalidInputException("confirmPassword", "The two new passwords are not the same.");
			}
			this.staff.changePassword(caller, currentPassword, newPassword);
			redirect.addFlashAttribute("notice", "Your password was changed.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("passwordError", ex.getMessage());
		}
		return "redirect:/account";
	}

}
