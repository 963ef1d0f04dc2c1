package app.dossier.identity.signin;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff sign-in page; Spring Security handles the POST. A failed attempt comes back
 * with its reason in the address ({@link LoginFailures}); the page makes no session.
 */
@Controller
class LoginController {

	private static final String WRONG = "Email or password is incorrect.";

	private static final String DISABLED = "Your account is disabled. Ask an administrator of your firm.";

	/** A day: anything longer in the address was not written by {@link LoginFailures}. */
	private static final long LONGEST_WAIT_MINUTES = 24 * 60;

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String minutes,
			@RequestParam(required = false) @Nullable String disabled, Model model) {
		if (error != null) {
			model.addAttribute("error", messageFor(error, minutes));
		}
		if (disabled != null) {
			model.addAttribute("error", "You were signed out because your account was disabled.");
		}
		return "identity/login";
	}

	static String messageFor(String error, @Nullable String minutes) {
		return switch (error) {
			case "throttled" -> {
				long wait = wholeMinutes(minutes);
				yield (wait > 0) ? SignInThrottledException.advice(wait)
						: "Too many sign-in attempts. Wait a few minutes and try again.";
			}
			case "disabled" -> DISABLED;
			default -> WRONG;
		};
	}

	static String messageFor(AuthenticationException ex) {
		if (ex instanceof SignInThrottledException throttled) {
			return throttled.advice();
		}
		if (ex instanceof DisabledException) {
			return DISABLED;
		}
		return WRONG;
	}

	/** 0 for anything but a whole number of minutes from 1 to a day. */
	private static long wholeMinutes(@Nullable String minutes) {
		if (minutes == null || minutes.isEmpty() || minutes.length() > 4
				|| !minutes.chars().allMatch(Character::isDigit)) {
			return 0;
		}
		long value = Long.parseLong(minutes);
		return (value >= 1 && value <= LONGEST_WAIT_MINUTES) ? value : 0;
	}

}
