package app.dossier.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import app.dossier.clients.Contacts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.ott.InvalidOneTimeTokenException;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Consumes a one-time sign-in token and signs in the contact(s) behind its address. */
class PortalSignIn implements AuthenticationProvider {

	static final String ROLE = "ROLE_CONTACT";

	private final SignInTokens tokens;

	private final Memberships memberships;

	private final Contacts contacts;

	private final Clock clock;

	PortalSignIn(SignInTokens tokens, Memberships memberships, Contacts contacts, Clock clock) {
		this.tokens = tokens;
		this.memberships = memberships;
		this.contacts = contacts;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OneTimeToken token = this.tokens.consume((OneTimeTokenAuthenticationToken) authentication);
		if (token == null) {
			throw new InvalidOneTimeTokenException("The sign-in link is unknown, used or expired");
		}
		Instant now = this.clock.instant();
		List<Membership> memberships = this.memberships.of(token.getUsername(), now);
		if (memberships.isEmpty()) {
			throw new BadCredentialsException("No portal access for this address");
		}
		memberships.forEach((membership) -> this.contacts.recordPortalSignIn(membership.contactId()));
		return UsernamePasswordAuthenticationToken.authenticated(
				new PortalPrincipal(token.getUsername(), memberships, now), null,
				List.of(new SimpleGrantedAuthority(ROLE)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OneTimeTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
