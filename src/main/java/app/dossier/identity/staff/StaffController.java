package app.dossier.identity.staff;

import java.util.UUID;

import app.dossier.identity.CurrentStaff;
import app.dossier.identity.Role;
import app.dossier.shared.ConflictException;
import app.dossier.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff page: everyone sees the team; admins invite, disable and change roles. */
@Controller
class StaffController {

	private final StaffManagement staff;

	StaffController(StaffManagement staff) {
		this.staff = staff;
	}

	@GetMapping("/staff")
	String list(CurrentStaff caller, Model model) {
		model.addAttribute("members", this.staff.list(caller));
		model.addAttribute("roles", Role.values());
		return "identity/staff";
	}

	@PostMapping("/staff/invitations")
	@PreAuthorize("hasRole('ADMIN')")
	String invite(CurrentStaff caller, @RequestParam String email, @RequestParam String name, @RequestParam Role role,
			RedirectAttributes redirect) {
		try {
			StaffManagement.IssuedInvitation issued = this.staff.invite(caller, email, name, role);
			redirect.addFlashAttribute("notice", "Invitation sent to " + email.strip() + ".");
			redirect.addFlashAttribute("invitationLink", issued.link());
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("inviteError", ex.getMessage());
			redirect.addFlashAttribute("inviteEmail", email);
			redirect.addFlashAttribute("inviteName", name);
		}
		return "redirect:/staff";
	}

	@PostMapping("/staff/{id}/invitation")
	@PreAuthorize("hasRole('ADMIN')")
	String resend(CurrentStaff caller, @PathVariable UUID id, RedirectAttributes redirect) {
		return attempt(redirect, () -> {
			StaffManagement.IssuedInvitation issued = this.staff.resendInvitation(caller, id);
			redirect.addFlashAttribute("invitationLink", issued.link());
			return "A new invitation was sent. The earlier link no longer works.";
		});
	}

	@PostMapping("/staff/{id}/role")
	@PreAuthorize("hasRole('ADMIN')")
	String role(CurrentStaff caller, @PathVariable UUID id, @RequestParam Role role, RedirectAttributes redirect) {
		return attempt(redirect, () -> {
			StaffMember member = this.staff.changeRole(caller, id, role);
			return member.name() + " is now " + ((role == Role.ADMIN) ? "an administrator." : "a staff member.");
		});
	}

	@PostMapping("/staff/{id}/enabled")
	@PreAuthorize("hasRole('ADMIN')")
	String enabled(CurrentStaff caller, @PathVariable UUID id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		return attempt(redirect, () -> {
			StaffMember member = this.staff.setEnabled(caller, id, enabled);
			return member.name() + (enabled ? " can sign in again." : " can no longer sign in.");
		});
	}

	private static String attempt(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (ConflictException | InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/staff";
	}

}
