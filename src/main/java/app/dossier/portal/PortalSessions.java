package app.dossier.portal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every signed-in portal request: the session ends after 30 idle minutes or 12
 * hours in all, and at once when staff revoke access or the contact signs out everywhere.
 * It also settles which client the request acts for.
 */
class PortalSessions extends OncePerRequestFilter {

	static final String LAST_SEEN = "DOSSIER_PORTAL_LAST_SEEN";

	static final String CHOSEN = "DOSSIER_PORTAL_CONTACT";

	static final String CURRENT = CurrentContact.class.getName();

	private final PortalSettings settings;

	private final Memberships memberships;

	private final SecurityContextRepository contexts;

	private final Clock clock;

	PortalSessions(PortalSettings settings, Memberships memberships, SecurityContextRepository contexts, Clock clock) {
		this.settings = settings;
		this.memberships = memberships;
		this.contexts = contexts;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession();
		Instant now = this.clock.instant();
		Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
		if (now.isAfter(principal.signedInAt().plus(this.settings.absoluteTimeout()))
				|| (lastSeen != null && now.isAfter(lastSeen.plus(this.settings.idleTimeout())))) {
			end(request, response, session, "expired");
			return;
		}
		List<Membership> valid = this.memberships.of(principal.email(), principal.signedInAt());
		if (valid.isEmpty()) {
			// Still a contact somewhere: this session was ended by "sign out everywhere".
			end(request, response, session,
					this.memberships.contacts(principal.email()).isEmpty() ? "ended" : "signedOut");
			return;
		}
		session.setAttribute(LAST_SEEN, now);
		Membership current = current(session, valid);
		if (current != null) {
			request.setAttribute(CURRENT,
					CurrentContact.of(current, principal.email(), request.getRemoteAddr(), valid.size() > 1));
		}
		else if (!request.getRequestURI().startsWith("/portal/choose")
				&& !request.getRequestURI().startsWith("/portal/logout")) {
			response.sendRedirect("/portal/choose");
			return;
		}
		chain.doFilter(request, response);
	}

	private static Membership current(HttpSession session, List<Membership> valid) {
		if (valid.size() == 1) {
			return valid.get(0);
		}
		Object chosen = session.getAttribute(CHOSEN);
		return valid.stream().filter((m) -> m.contactId().equals(chosen)).findFirst().orElse(null);
	}

	static void choose(HttpSession session, UUID contactId) {
		session.setAttribute(CHOSEN, contactId);
	}

	private void end(HttpServletRequest request, HttpServletResponse response, HttpSession session, String reason)
			throws IOException {
		forget(session);
		SecurityContextHolder.clearContext();
		this.contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
		response.sendRedirect("/portal/login?" + reason);
	}

	static void forget(@Nullable HttpSession session) {
		if (session == null) {
			return;
		}
		session.removeAttribute(LAST_SEEN);
		session.removeAttribute(CHOSEN);
	}

}
