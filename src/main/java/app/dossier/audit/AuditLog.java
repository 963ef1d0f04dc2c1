package app.dossier.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;
import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append and read; there is deliberately no way to change or remove an entry. */
@Repository
class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(@Nullable UUID firmId, Instant occurredAt, String action, Actor actor, @Nullable UUID targetId,
			@Nullable String target, @Nullable String details) {
		append(firmId, null, occurredAt, action, actor, targetId, target, details);
	}

	/** An entry about one client, which its Activity tab lists. */
	void append(@Nullable UUID firmId, @Nullable UUID clientId, Instant occurredAt, String action, Actor actor,
			@Nullable UUID targetId, @Nullable String target, @Nullable String details) {
		this.jdbc
			.sql("insert into audit_event (firm_id, client_id, occurred_at, action, actor_id, actor_label, target_id,"
					+ " target_label, details, ip) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(firmId, clientId, Timestamps.utc(occurredAt), action, actor.staffId(), truncate(actor.label(), 320),
					targetId, truncate(target, 320), truncate(details, 2000), truncate(actor.ip(), 64))
			.update();
	}

	List<AuditEntry> ofClient(UUID firmId, UUID clientId, int page, int size) {
		return this.jdbc
			.sql("select * from audit_event where firm_id = ? and client_id = ?"
					+ " order by occurred_at desc, id desc limit ? offset ?")
			.params(firmId, clientId, size, page * size)
			.query(AuditLog::map)
			.list();
	}

	long countOfClient(UUID firmId, UUID clientId) {
		return this.jdbc.sql("select count(*) from audit_event where firm_id = ? and client_id = ?")
			.params(firmId, clientId)
			.query(Long.class)
			.single();
	}

	List<AuditEntry> page(UUID firmId, int page, int size) {
		return this.jdbc
			.sql("select * from audit_event where firm_id = ? order by occurred_at desc, id desc limit ? offset ?")
			.params(firmId, size, page * size)
			.query(AuditLog::map)
			.list();
	}

	long count(UUID firmId) {
		return this.jdbc.sql("select count(*) from audit_event where firm_id = ?")
			.param(firmId)
			.query(Long.class)
			.single();
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("firm_id", UUID.class),
				Timestamps.instant(rs, "occurred_at"), rs.getString("action"), rs.getObject("actor_id", UUID.class),
				rs.getString("actor_label"), rs.getObject("target_id", UUID.class), rs.getString("target_label"),
				rs.getString("details"), rs.getString("ip"));
	}

}
