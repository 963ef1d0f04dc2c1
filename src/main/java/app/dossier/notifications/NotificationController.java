package app.dossier.notifications;

import java.util.UUID;

import app.dossier.clients.Clients;
import app.dossier.identity.CurrentStaff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notification list with email preferences, and a client's Messages tab. */
@Controller
class NotificationController {

	private final Notifications notifications;

	private final Clients clients;

	NotificationController(Notifications notifications, Clients clients) {
		this.notifications = notifications;
		this.clients = clients;
	}

	@GetMapping("/notifications")
	String list(CurrentStaff caller, Model model) {
		model.addAttribute("notices", this.notifications.recent(caller));
		model.addAttribute("frequency", this.notifications.preferences(caller).get(Kind.CUSTOMER_UPLOAD));
		model.addAttribute("clientNames", new ClientNames(this.clients, caller));
		// Seen now: the list above still shows which ones were new.
		this.notifications.markAllRead(caller);
		return "notifications/list";
	}

	@PostMapping("/notifications/preferences")
	String prefer(CurrentStaff caller, @RequestParam Frequency customerUploads, RedirectAttributes redirect) {
		this.notifications.prefer(caller, Kind.CUSTOMER_UPLOAD, customerUploads);
		redirect.addFlashAttribute("notice", "Email preferences saved.");
		return "redirect:/notifications";
	}

	@GetMapping("/clients/{id}/messages")
	String messages(CurrentStaff caller, @PathVariable UUID id, Model model) {
		model.addAttribute("client", this.clients.get(caller.firmId(), id));
		model.addAttribute("documentCount", this.clients.documentCount(caller.firmId(), id));
		model.addAttribute("messages", this.notifications.communicationLog(caller, id));
		return "notifications/messages";
	}

	/** Client names for the list, looked up as the template needs them. */
	record ClientNames(Clients clients, CurrentStaff caller) {

		public String of(UUID clientId) {
			try {
				return this.clients.get(this.caller.firmId(), clientId).displayName();
			}
			catch (RuntimeException gone) {
				return "A former client";
			}
		}

	}

}
