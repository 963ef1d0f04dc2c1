package app.dossier.identity.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokens {

	static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	private static final String COLUMNS = "id, firm_id, staff_id, kind, name, created_at, expires_at, last_used_at, revoked_at";

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiToken token, String tokenHash) {
		this.jdbc.sql("insert into api_token (" + COLUMNS + ", token_hash) values (?, ?, ?, ?, ?, ?, ?, null, null, ?)")
			.params(token.id(), token.firmId(), token.staffId(), token.kind().name(), token.name(),
					Timestamps.utc(token.createdAt()), Timestamps.utc(token.expiresAt()), tokenHash)
			.update();
	}

	Optional<ApiToken> findByHash(String tokenHash) {
		return this.jdbc.sql("select " + COLUMNS + " from api_token where token_hash = ?")
			.param(tokenHash)
			.query(ApiTokens::map)
			.optional();
	}

	List<ApiToken> personal(UUID firmId, UUID staffId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from api_token where firm_id = ? and staff_id = ? and kind = 'PERSONAL'"
					+ " and revoked_at is null order by created_at desc")
			.params(firmId, staffId)
			.query(ApiTokens::map)
			.list();
	}

	Optional<ApiToken> find(UUID firmId, UUID staffId, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from api_token where firm_id = ? and staff_id = ? and id = ?")
			.params(firmId, staffId, id)
			.query(ApiTokens::map)
			.optional();
	}

	void revoke(UUID id, Instant at) {
		this.jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
			.params(Timestamps.utc(at), id)
			.update();
	}

	/** At most one write a minute per token, however busy it is. */
	void touch(UUID id, Instant at) {
		this.jdbc
			.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
			.params(Timestamps.utc(at), id, Timestamps.utc(at.minus(TOUCH_EVERY)))
			.update();
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("staff_id", UUID.class), ApiToken.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
				Timestamps.instant(rs, "created_at"), Timestamps.nullableInstant(rs, "expires_at"),
				Timestamps.nullableInstant(rs, "last_used_at"), Timestamps.nullableInstant(rs, "revoked_at"));
	}

}
