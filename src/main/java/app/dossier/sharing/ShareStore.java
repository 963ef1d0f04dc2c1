package app.dossier.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ShareStore {

	private final JdbcClient jdbc;

	ShareStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Share share, @Nullable UUID createdBy) {
		this.jdbc
			.sql("insert into portal_share (id, firm_id, client_id, contact_id, folder_id, document_id, permission,"
					+ " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(share.id(), share.firmId(), share.clientId(), share.contactId(), share.folderId(),
					share.documentId(), share.permission().name(), createdBy, Timestamps.utc(share.createdAt()))
			.update();
	}

	void setPermission(UUID firmId, UUID id, Permission permission) {
		this.jdbc.sql("update portal_share set permission = ? where firm_id = ? and id = ?")
			.params(permission.name(), firmId, id)
			.update();
	}

	Optional<Share> find(UUID firmId, UUID id) {
		return this.jdbc.sql("select * from portal_share where firm_id = ? and id = ?")
			.params(firmId, id)
			.query(ShareStore::map)
			.optional();
	}

	List<Share> ofContact(UUID firmId, UUID contactId) {
		return this.jdbc.sql("select * from portal_share where firm_id = ? and contact_id = ? order by created_at, id")
			.params(firmId, contactId)
			.query(ShareStore::map)
			.list();
	}

	List<Share> ofClient(UUID firmId, UUID clientId) {
		return this.jdbc.sql("select * from portal_share where firm_id = ? and client_id = ? order by created_at, id")
			.params(firmId, clientId)
			.query(ShareStore::map)
			.list();
	}

	void delete(UUID firmId, UUID id) {
		this.jdbc.sql("delete from portal_share where firm_id = ? and id = ?").params(firmId, id).update();
	}

	private static Share map(ResultSet rs, int row) throws SQLException {
		return new Share(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("client_id", UUID.class), rs.getObject("contact_id", UUID.class),
				rs.getObject("folder_id", UUID.class), rs.getObject("document_id", UUID.class),
				Permission.valueOf(rs.getString("permission")), Timestamps.instant(rs, "created_at"));
	}

}
