package app.dossier.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.dossier.shared.ServerKey;
import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MessageStore {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ServerKey key;

	MessageStore(JdbcClient jdbc, JsonMapper json, ServerKey key) {
		this.jdbc = jdbc;
		this.json = json;
		this.key = key;
	}

	void insert(Message m, @Nullable String sourceKey) {
		insert(m, sourceKey, false);
	}

	/**
	 * A sealed message keeps its variables encrypted with the server key: they carry a
	 * secret (a secure link or its code) that must not be readable in the database.
	 */
	void insert(Message m, @Nullable String sourceKey, boolean sealed) {
		String variables = this.json.writeValueAsString(m.variables());
		this.jdbc
			.sql("insert into outgoing_message (id, firm_id, client_id, contact_id, staff_id, channel, recipient,"
					+ " recipient_name, subject, template, variables, status, attempts, next_attempt_at, created_at,"
					+ " source_key, sealed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(m.id(), m.firmId(), m.clientId(), m.contactId(), m.staffId(), m.channel().name(), m.recipient(),
					m.recipientName(), m.subject(), m.template(), sealed ? this.key.seal(variables) : variables,
					m.status().name(), m.attempts(), Timestamps.utc(m.nextAttemptAt()), Timestamps.utc(m.createdAt()),
					sourceKey, sealed)
			.update();
	}

	boolean exists(String sourceKey) {
		return this.jdbc.sql("select count(*) from outgoing_message where source_key = ?")
			.param(sourceKey)
			.query(Long.class)
			.single() > 0;
	}

	List<Message> due(Instant now, int limit) {
		return this.jdbc
			.sql("select * from outgoing_message where status = 'PENDING' and next_attempt_at <= ?"
					+ " order by next_attempt_at, id limit ?")
			.params(Timestamps.utc(now), limit)
			.query(this::map)
			.list();
	}

	/** Claims a message for one attempt; false if another run claimed it first. */
	boolean claim(Message m, Instant retryAt) {
		return this.jdbc
			.sql("update outgoing_message set attempts = attempts + 1, next_attempt_at = ?"
					+ " where id = ? and status = 'PENDING' and attempts = ?")
			.params(Timestamps.utc(retryAt), m.id(), m.attempts())
			.update() == 1;
	}

	void sent(UUID id, Instant at) {
		this.jdbc.sql("update outgoing_message set status = 'SENT', sent_at = ?, last_error = null where id = ?")
			.params(Timestamps.utc(at), id)
			.update();
	}

	void failed(UUID id, String error, boolean forGood) {
		this.jdbc.sql("update outgoing_message set last_error = ?, status = ? where id = ?")
			.params(truncate(error), forGood ? "FAILED" : "PENDING", id)
			.update();
	}

	List<Message> ofClient(UUID firmId, UUID clientId, int limit) {
		return this.jdbc
			.sql("select * from outgoing_message where firm_id = ? and client_id = ? and contact_id is not null"
					+ " order by created_at desc, id limit ?")
			.params(firmId, clientId, limit)
			.query(this::map)
			.list();
	}

	private static String truncate(String value) {
		return (value.length() <= 1000) ? value : value.substring(0, 1000);
	}

	private Message map(ResultSet rs, int row) throws SQLException {
		return new Message(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("client_id", UUID.class), rs.getObject("contact_id", UUID.class),
				rs.getObject("staff_id", UUID.class), Channel.valueOf(rs.getString("channel")),
				rs.getString("recipient"), rs.getString("recipient_name"), rs.getString("subject"),
				rs.getString("template"), variables(rs.getString("variables"), rs.getBoolean("sealed")),
				Message.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
				Timestamps.instant(rs, "next_attempt_at"), rs.getString("last_error"),
				Timestamps.instant(rs, "created_at"), Timestamps.nullableInstant(rs, "sent_at"));
	}

	private Map<String, Object> variables(@Nullable String text, boolean sealed) {
		if (text == null) {
			return Map.of();
		}
		return this.json.readValue(sealed ? this.key.open(text) : text, MAP);
	}

}
