package app.dossier.portal;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import app.dossier.clients.Contacts;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in to the portal, choosing a client, signing out everywhere. */
@Controller
class PortalLoginController {

	private final Memberships memberships;

	private final Contacts contacts;

	PortalLoginController(Memberships memberships, Contacts contacts) {
		this.memberships = memberships;
		this.contacts = contacts;
	}

	@GetMapping("/portal/login")
	String login(HttpServletRequest request, Model model) {
		model.addAttribute("message", message(request));
		return "portal/login";
	}

	/**
	 * Reached only when the address was not usable; a usable one is answered by the
	 * sign-in filter.
	 */
	@PostMapping("/portal/login")
	String notAnAddress(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model) {
		model.addAttribute("email", email);
		if (request.getAttribute(SignInLinks.THROTTLED) != null) {
			response.setStatus(429);
			model.addAttribute("error", "Too many sign-in links were asked for from here. Please wait a few minutes.");
		}
		else {
			model.addAttribute("error", "Enter your email address, such as name@example.com.");
		}
		return "portal/login";
	}

	@GetMapping("/portal/login/sent")
	String sent() {
		return "portal/sent";
	}

	/** Mail scanners open links; only the button on this page signs in. */
	@GetMapping("/portal/login/ott")
	String confirm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "portal/confirm";
	}

	/** Reached only without a token; with one, the sign-in filter answers. */
	@PostMapping("/portal/login/ott")
	String noToken() {
		return "redirect:/portal/login?invalid";
	}

	@GetMapping("/portal/choose")
	String choose(Model model) {
		PortalPrincipal principal = principal();
		model.addAttribute("memberships", this.memberships.of(principal.email(), principal.signedInAt()));
		return "portal/choose";
	}

	@PostMapping("/portal/choose")
	String chosen(@RequestParam UUID contactId, HttpServletRequest request) {
		PortalPrincipal principal = principal();
		List<Membership> valid = this.memberships.of(principal.email(), principal.signedInAt());
		if (valid.stream().anyMatch((m) -> m.contactId().equals(contactId))) {
			PortalSessions.choose(request.getSession(), contactId);
			return "redirect:/portal";
		}
		return "redirect:/portal/choose";
	}

	/** Ends every portal session of this person, on every device, at its next request. */
	@PostMapping("/portal/logout-everywhere")
	String signOutEverywhere(HttpServletRequest request) {
		PortalPrincipal principal = principal();
		for (Membership membership : this.memberships.of(principal.email(), principal.signedInAt())) {
			this.contacts.endPortalSessions(membership.firmId(), membership.contactId());
		}
		return "redirect:/portal/login?signedOut";
	}

	private static PortalPrincipal principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
			return principal;
		}
		throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
				"Not signed in");
	}

	private static @Nullable String message(HttpServletRequest request) {
		if (request.getParameter("invalid") != null) {
			return "That sign-in link has expired or was already used. Enter your email address for a new one.";
		}
		if (request.getParameter("expired") != null) {
			return "You were signed out after a while without activity. Enter your email address to sign in again.";
		}
		if (request.getParameter("ended") != null) {
			return "Your access has ended. If you think this is a mistake, contact your firm.";
		}
		if (request.getParameter("signedOut") != null) {
			return "You are signed out.";
		}
		return null;
	}

}
