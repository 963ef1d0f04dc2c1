package app.dossier.identity.signin;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords for this address: the caller must wait. */
class SignInThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	SignInThrottledException(Duration retryAfter) {
		super("Too many sign-in attempts");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	/** What the person is told: rounded up to whole minutes, at least one. */
	String advice() {
		long minutes = Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
		return "Too many sign-in attempts. Wait " + minutes + ((minutes == 1) ? " minute" : " minutes")
				+ " and try again.";
	}

}
