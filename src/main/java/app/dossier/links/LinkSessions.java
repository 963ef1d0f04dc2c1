package app.dossier.links;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.dossier.shared.SecretTokens;
import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A recipient's visit after the right code: the cookie carries 256 random bits, the
 * database their hash. A session opens one link only.
 */
@Repository
class LinkSessions {

	static final String COOKIE = "DOSSIER_LINK";

	private final JdbcClient jdbc;

	LinkSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens a session; answers the secret for the cookie. */
	String open(UUID linkId, String ip, Instant now, Instant expiresAt) {
		String secret = SecretTokens.generate("");
		this.jdbc
			.sql("insert into link_session (id, link_id, token_hash, ip, created_at, expires_at)"
					+ " values (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), linkId, SecretTokens.hash(secret), ip, Timestamps.utc(now),
					Timestamps.utc(expiresAt))
			.update();
		return secret;
	}

	/** The session's id, if the secret opens this link now. */
	Optional<UUID> find(UUID linkId, String secret, Instant now) {
		return this.jdbc.sql("select id from link_session where token_hash = ? and link_id = ? and expires_at > ?")
			.params(SecretTokens.hash(secret), linkId, Timestamps.utc(now))
			.query(UUID.class)
			.optional();
	}

	void end(String secret) {
		this.jdbc.sql("delete from link_session where token_hash = ?").param(SecretTokens.hash(secret)).update();
	}

	void endAll(UUID linkId) {
		this.jdbc.sql("delete from link_session where link_id = ?").param(linkId).update();
	}

	void forgetExpired(Instant now) {
		this.jdbc.sql("delete from link_session where expires_at <= ?").param(Timestamps.utc(now)).update();
	}

}
