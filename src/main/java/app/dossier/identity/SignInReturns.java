package app.dossier.identity;

import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The page a visitor asked for before being sent to sign in, so that signing in leads
 * back to it. It is kept in a cookie of the visitor's, not in a server session: a session
 * made for every request that is not signed in would let anyone fill the heap with
 * sessions (each kept for the session timeout) by asking for pages.
 *
 * <p>
 * Staff pages and the portal share the one cookie, and each side takes back only its own
 * pages: a contact who signs in to the portal is never sent to a staff page a staff link
 * in the same browser asked for, nor the other way round.
 */
public final class SignInReturns implements RequestCache {

	private static final String PORTAL = "/portal/";

	private final CookieRequestCache cookies = new CookieRequestCache();

	private final Predicate<String> ours;

	private SignInReturns(Predicate<String> ours, boolean secureCookies) {
		this.ours = ours;
		// Only pages a browser navigates to: not form posts, not htmx's partial requests.
		this.cookies.setRequestMatcher((request) -> HttpMethod.GET.matches(request.getMethod())
				&& request.getHeader("HX-Request") == null && ours.test(request.getRequestURI()));
		this.cookies.setCookieCustomizer((cookie) -> {
			cookie.setSecure(secureCookies);
			cookie.setAttribute("SameSite", "Lax");
		});
	}

	public static SignInReturns staff(boolean secureCookies) {
		return new SignInReturns((path) -> !path.startsWith(PORTAL), secureCookies);
	}

	public static SignInReturns portal(boolean secureCookies) {
		return new SignInReturns((path) -> path.startsWith(PORTAL), secureCookies);
	}

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		this.cookies.saveRequest(request, response);
	}

	@Override
	public @Nullable SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.cookies.getRequest(request, response);
		return (saved instanceof DefaultSavedRequest page && this.ours.test(page.getRequestURI())) ? saved : null;
	}

	@Override
	public @Nullable HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return (getRequest(request, response) != null) ? this.cookies.getMatchingRequest(request, response) : null;
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		this.cookies.removeRequest(request, response);
	}

}
