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

	/** The wait in whole minutes, rounded up, at least one. */
	long minutes() {
		return Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
	}

	/** What the person is told. */
	String advice() {
		return advice(minutes());
	}

	static String advice(long minutes) {
		return "Too many sign-in attempts. Wait " + minutes + ((minutes == 1) ? " minute" : " minutes")
				+ " and try again.";
	}

}
