package app.dossier.links;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Wrong security codes, kept in the database so every instance sees the same counts: five
 * from one address within a quarter of an hour lock that address out of the link for a
 * quarter of an hour; fifty on one link within a day shut the link.
 */
@Repository
class CodeAttempts {

	static final int PER_ADDRESS = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	static final int PER_DAY = 50;

	private final JdbcClient jdbc;

	CodeAttempts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Instant> lockedUntil(UUID linkId, String ip, Instant now) {
		return this.jdbc.sql("select locked_until from link_lockout where link_id = ? and ip = ? and locked_until > ?")
			.params(linkId, ip, Timestamps.utc(now))
			.query((rs, row) -> Timestamps.instant(rs, "locked_until"))
			.optional();
	}

	/** Records a wrong code and answers what it leads to. */
	Outcome failed(UUID linkId, String ip, Instant now) {
		this.jdbc.sql("insert into link_code_failure (link_id, ip, failed_at) values (?, ?, ?)")
			.params(linkId, ip, Timestamps.utc(now))
			.update();
		long today = this.jdbc.sql("select count(*) from link_code_failure where link_id = ? and failed_at > ?")
			.params(linkId, Timestamps.utc(now.minus(Duration.ofDays(1))))
			.query(Long.class)
			.single();
		long recent = this.jdbc
			.sql("select count(*) from link_code_failure where link_id = ? and ip = ? and failed_at > ?")
			.params(linkId, ip, Timestamps.utc(now.minus(LOCK)))
			.query(Long.class)
			.single();
		if (recent >= PER_ADDRESS) {
			this.jdbc.sql("delete from link_lockout where link_id = ? and ip = ?").params(linkId, ip).update();
			this.jdbc.sql("insert into link_lockout (link_id, ip, locked_until) values (?, ?, ?)")
				.params(linkId, ip, Timestamps.utc(now.plus(LOCK)))
				.update();
		}
		return new Outcome(recent >= PER_ADDRESS, today >= PER_DAY, (int) Math.max(0, PER_ADDRESS - recent));
	}

	/**
	 * Forgets the wrong codes and lock-outs: staff switched the link back on or gave it a
	 * new code, so the count starts again.
	 */
	void forget(UUID linkId) {
		this.jdbc.sql("delete from link_code_failure where link_id = ?").param(linkId).update();
		this.jdbc.sql("delete from link_lockout where link_id = ?").param(linkId).update();
	}

	/**
	 * @param lockedOut this address may not try again for {@link #LOCK}
	 * @param shut the link had too many wrong codes today and must be switched off
	 * @param triesLeft before this address is locked out
	 */
	record Outcome(boolean lockedOut, boolean shut, int triesLeft) {
	}

}
