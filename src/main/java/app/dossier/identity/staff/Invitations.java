package app.dossier.identity.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Invitations {

	private final JdbcClient jdbc;

	Invitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Invitation invitation) {
		this.jdbc
			.sql("insert into staff_invitation (id, firm_id, staff_id, token_hash, created_by, created_at, expires_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(invitation.id(), invitation.firmId(), invitation.staffId(), invitation.tokenHash(),
					invitation.createdBy(), Timestamps.utc(invitation.createdAt()),
					Timestamps.utc(invitation.expiresAt()))
			.update();
	}

	Optional<Invitation> findByTokenHash(String tokenHash) {
		return this.jdbc.sql("select * from staff_invitation where token_hash = ?")
			.param(tokenHash)
			.query(Invitations::map)
			.optional();
	}

	Optional<Invitation> latest(UUID firmId, UUID staffId) {
		return this.jdbc
			.sql("select * from staff_invitation where firm_id = ? and staff_id = ? order by created_at desc")
			.params(firmId, staffId)
			.query(Invitations::map)
			.stream()
			.findFirst();
	}

	/**
	 * Marks it accepted unless something else did first; false when it was no longer
	 * open.
	 */
	boolean accept(UUID id, Instant at) {
		return this.jdbc.sql(
				"update staff_invitation set accepted_at = ? where id = ? and accepted_at is null and revoked_at is null")
			.params(Timestamps.utc(at), id)
			.update() == 1;
	}

	void revokeOpen(UUID firmId, UUID staffId, Instant at) {
		this.jdbc
			.sql("update staff_invitation set revoked_at = ? where firm_id = ? and staff_id = ?"
					+ " and accepted_at is null and revoked_at is null")
			.params(Timestamps.utc(at), firmId, staffId)
			.update();
	}

	private static Invitation map(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("staff_id", UUID.class), rs.getString("token_hash"),
				rs.getObject("created_by", UUID.class), Timestamps.instant(rs, "created_at"),
				Timestamps.instant(rs, "expires_at"), Timestamps.nullableInstant(rs, "accepted_at"),
				Timestamps.nullableInstant(rs, "revoked_at"));
	}

}
