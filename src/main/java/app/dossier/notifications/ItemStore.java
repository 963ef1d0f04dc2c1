package app.dossier.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ItemStore {

	private final JdbcClient jdbc;

	ItemStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False when an item from the same event is there already (a redelivered event). */
	boolean insert(Item item) {
		if (this.jdbc.sql("select count(*) from notification_item where source_key = ?")
			.param(item.sourceKey())
			.query(Long.class)
			.single() > 0) {
			return false;
		}
		this.jdbc
			.sql("insert into notification_item (id, firm_id, client_id, staff_id, contact_id, kind, document_id,"
					+ " title, actor_label, created_at, source_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(item.id(), item.firmId(), item.clientId(), item.staffId(), item.contactId(), item.kind().name(),
					item.documentId(), item.title(), item.actorLabel(), Timestamps.utc(item.createdAt()),
					item.sourceKey())
			.update();
		return true;
	}

	List<Item> pending() {
		return this.jdbc.sql("select * from notification_item where batched_at is null order by created_at, id")
			.query(ItemStore::map)
			.list();
	}

	void batched(Collection<UUID> ids, Instant at) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("update notification_item set batched_at = :at where id in (:ids)")
				.param("at", Timestamps.utc(at))
				.param("ids", ids)
				.update();
		}
	}

	List<Item> ofStaff(UUID firmId, UUID staffId, int limit) {
		return this.jdbc.sql(
				"select * from notification_item where firm_id = ? and staff_id = ? order by created_at desc, id limit ?")
			.params(firmId, staffId, limit)
			.query(ItemStore::map)
			.list();
	}

	long unread(UUID firmId, UUID staffId) {
		return this.jdbc
			.sql("select count(*) from notification_item where firm_id = ? and staff_id = ? and read_at is null")
			.params(firmId, staffId)
			.query(Long.class)
			.single();
	}

	void markRead(UUID firmId, UUID staffId, Instant at) {
		this.jdbc.sql("update notification_item set read_at = ? where firm_id = ? and staff_id = ? and read_at is null")
			.params(Timestamps.utc(at), firmId, staffId)
			.update();
	}

	private static Item map(ResultSet rs, int row) throws SQLException {
		return new Item(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("client_id", UUID.class), rs.getObject("staff_id", UUID.class),
				rs.getObject("contact_id", UUID.class), Kind.valueOf(rs.getString("kind")),
				rs.getObject("document_id", UUID.class), rs.getString("title"), rs.getString("actor_label"),
				Timestamps.instant(rs, "created_at"), Timestamps.nullableInstant(rs, "read_at"),
				rs.getString("source_key"));
	}

}
