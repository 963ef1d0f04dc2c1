package app.dossier.web;

import app.dossier.identity.CurrentStaff;
import app.dossier.identity.StaffDirectory;
import app.dossier.identity.TeamSize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in. */
@Controller
class HomeController {

	private final StaffDirectory staff;

	HomeController(StaffDirectory staff) {
		this.staff = staff;
	}

	@GetMapping("/")
	String home(CurrentStaff me, Model model) {
		TeamSize team = this.staff.teamSize(me.firmId());
		model.addAttribute("activeStaff", team.active());
		model.addAttribute("invitedStaff", team.invited());
		return "home";
	}

}
