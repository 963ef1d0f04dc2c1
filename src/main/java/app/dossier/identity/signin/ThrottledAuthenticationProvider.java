package app.dossier.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import app.dossier.identity.StaffSignInFailed;
import app.dossier.identity.StaffSignedIn;
import app.dossier.identity.staff.StaffMembers;
import app.dossier.shared.EmailAddresses;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Email and password sign-in for the web form and the token API: refuses while the
 * address is throttled (before any password is checked), then lets Spring Security's
 * {@link DaoAuthenticationProvider} compare the password in constant time whether or not
 * the account exists, and records the outcome.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final StaffMembers members;

	private final Clock clock;

	ThrottledAuthenticationProvider(StaffAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle,
			StaffMembers members, Clock clock) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		// Only after the password matched does a disabled account say so: the state of
		// an account is nobody's business who does not know its password.
		this.passwords.setPreAuthenticationChecks((user) -> {
		});
		this.passwords.setPostAuthenticationChecks(ThrottledAuthenticationProvider::requireEnabled);
		this.throttle = throttle;
		this.members = members;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = String.valueOf(authentication.getPrincipal());
		String ip = ipOf(authentication);
		String key = LoginThrottle.keyOf(email);
		Optional<Duration> wait = this.throttle.waitFor(key);
		if (wait.isPresent()) {
			failed(key, email, "throttled", ip);
			throw new SignInThrottledException(wait.get());
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			StaffPrincipal principal = (StaffPrincipal) result.getPrincipal();
			this.throttle.recordSuccess(key, new StaffSignedIn(principal.firmId(), principal.staffId(),
					principal.getUsername(), ip, this.clock.instant()));
			return result;
		}
		catch (DisabledException ex) {
			failed(key, email, "account disabled", ip);
			throw ex;
		}
		catch (AuthenticationException ex) {
			failed(key, email, "wrong email or password", ip);
			throw ex;
		}
	}

	private void failed(String key, String email, String reason, String ip) {
		StaffSignInFailed event = this.members.findByEmail(EmailAddresses.normalize(email))
			.map((member) -> new StaffSignInFailed(member.firmId(), member.id(), member.email(), reason, ip,
					this.clock.instant()))
			.orElseGet(() -> new StaffSignInFailed(null, null, null, reason, ip, this.clock.instant()));
		if ("throttled".equals(reason)) {
			this.throttle.recordAttemptWhileBlocked(event);
		}
		else {
			this.throttle.recordFailure(key, event);
		}
	}

	private static void requireEnabled(UserDetails user) {
		if (!user.isEnabled()) {
			throw new DisabledException("Your account is disabled. Ask an administrator of your firm.");
		}
	}

	private static String ipOf(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
