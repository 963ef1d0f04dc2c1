package app.dossier.identity.signin;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String disabled, @Nullable HttpSession session, Model model) {
		if (error != null && session != null
				&& session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException ex) {
			model.addAttribute("error", messageFor(ex));
			session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		}
		else if (error != null) {
			model.addAttribute("error", "Email or password is incorrect.");
		}
		if (disabled != null) {
			model.addAttribute("error", "You were signed out because your account was disabled.");
		}
		return "identity/login";
	}

	static String messageFor(AuthenticationException ex) {
		if (ex instanceof SignInThrottledException throttled) {
			return throttled.advice();
		}
		if (ex instanceof DisabledException) {
			return "Your account is disabled. Ask an administrator of your firm.";
		}
		return "Email or password is incorrect.";
	}

}
