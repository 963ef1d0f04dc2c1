package app.dossier.identity.signin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import app.dossier.identity.staff.StaffMember;
import app.dossier.identity.staff.StaffMembers;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in staff member on every request, so that an admin disabling an
 * account or changing a role takes effect at the next click, not at the next sign-in. Not
 * a servlet filter of its own: it runs inside the web security chain only.
 */
class StaffSessionRefreshFilter extends OncePerRequestFilter {

	private final StaffMembers members;

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	StaffSessionRefreshFilter(StaffMembers members) {
		this.members = members;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			StaffMember member = this.members.find(principal.firmId(), principal.staffId())
				.filter((found) -> found.status() == StaffMember.Status.ACTIVE)
				.orElse(null);
			if (member == null) {
				signOut(request, response);
				return;
			}
			if (!principal.sameAs(member)) {
				StaffPrincipal refreshed = StaffPrincipal.of(member);
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
				SecurityContextHolder.setContext(context);
				this.sessions.saveContext(context, request, response);
			}
		}
		chain.doFilter(request, response);
	}

	private static void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", "/login?disabled");
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		}
		else {
			response.sendRedirect("/login?disabled");
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
