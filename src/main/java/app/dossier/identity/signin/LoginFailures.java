package app.dossier.identity.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in form with the reason in the address. Spring Security's own handler
 * keeps the exception in a session, which would make a server session for every failed
 * attempt of anyone, signed in or not.
 */
class LoginFailures implements AuthenticationFailureHandler {

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		this.redirects.sendRedirect(request, response, "/login?" + reason(exception));
	}

	static String reason(AuthenticationException exception) {
		if (exception instanceof SignInThrottledException throttled) {
			return "error=throttled&minutes=" + throttled.minutes();
		}
		if (exception instanceof DisabledException) {
			return "error=disabled";
		}
		return "error";
	}

}
