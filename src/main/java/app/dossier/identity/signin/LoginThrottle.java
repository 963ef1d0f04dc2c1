package app.dossier.identity.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import app.dossier.identity.StaffSignInFailed;
import app.dossier.identity.StaffSignedIn;
import app.dossier.shared.EmailAddresses;
import app.dossier.shared.SecretTokens;
import app.dossier.shared.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growing delays per account after repeated wrong passwords: the first
 * {@value #FREE_FAILURES} cost nothing, then each one doubles the wait from 30 seconds up
 * to 15 minutes. The key is the typed address, whether or not an account has it, so the
 * answer never tells which addresses exist, and the wait always ends, so an attacker can
 * slow an account down but never lock its owner out for good. Kept in the database so
 * that restarts and several instances share it.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES = 4;

	static final Duration FIRST_DELAY = Duration.ofSeconds(30);

	static final Duration MAX_DELAY = Duration.ofMinutes(15);

	/** A quiet day forgets earlier failures. */
	static final Duration MEMORY = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	LoginThrottle(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	static String keyOf(String email) {
		return SecretTokens.sha256Hex("login:" + EmailAddresses.normalize(email));
	}

	/** How long the caller must still wait, if at all. */
	@Transactional(readOnly = true)
	public Optional<Duration> waitFor(String key) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("select blocked_until from login_throttle where account_key = ?")
			.param(key)
			.query((rs, row) -> Timestamps.nullableInstant(rs, "blocked_until"))
			.optional()
			.filter((until) -> until != null && until.isAfter(now))
			.map((until) -> Duration.between(now, until));
	}

	/** Counts a failure and publishes it, in one transaction of its own. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String key, StaffSignInFailed event) {
		this.events.publishEvent(event);
		Instant now = this.clock.instant();
		int failures = this.jdbc.sql("select failures, last_failure_at from login_throttle where account_key = ?")
			.param(key)
			.query((rs, row) -> Timestamps.instant(rs, "last_failure_at").isBefore(now.minus(MEMORY)) ? 0
					: rs.getInt("failures"))
			.optional()
			.orElse(0) + 1;
		Instant blockedUntil = (failures > FREE_FAILURES) ? now.plus(delayAfter(failures)) : null;
		int updated = this.jdbc
			.sql("update login_throttle set failures = ?, last_failure_at = ?, blocked_until = ? where account_key = ?")
			.params(failures, Timestamps.utc(now), Timestamps.utc(blockedUntil), key)
			.update();
		if (updated == 0) {
			try {
				this.jdbc
					.sql("insert into login_throttle (account_key, failures, last_failure_at, blocked_until)"
							+ " values (?, ?, ?, ?)")
					.params(key, failures, Timestamps.utc(now), Timestamps.utc(blockedUntil))
					.update();
			}
			catch (DuplicateKeyException ex) {
				// A concurrent failure for the same address inserted first; its row
				// counts.
			}
		}
	}

	/** An attempt while blocked is recorded but does not lengthen the wait. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAttemptWhileBlocked(StaffSignInFailed event) {
		this.events.publishEvent(event);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(String key, StaffSignedIn event) {
		this.events.publishEvent(event);
		this.jdbc.sql("delete from login_throttle where account_key = ?").param(key).update();
	}

	static Duration delayAfter(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES - 1, 10);
		Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

}
