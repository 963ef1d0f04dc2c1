package app.dossier.matters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MatterStore {

	private final JdbcClient jdbc;

	MatterStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Matter m) {
		this.jdbc
			.sql("insert into matter (id, firm_id, client_id, name, type, status, folder_id, created_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(m.id(), m.firmId(), m.clientId(), m.name(), m.type(), m.status().name(), m.folderId(),
					Timestamps.utc(m.createdAt()))
			.update();
	}

	void update(Matter m) {
		this.jdbc.sql("update matter set name = ?, type = ?, status = ? where firm_id = ? and id = ?")
			.params(m.name(), m.type(), m.status().name(), m.firmId(), m.id())
			.update();
	}

	Optional<Matter> find(UUID firmId, UUID id) {
		return this.jdbc.sql("select * from matter where firm_id = ? and id = ?")
			.params(firmId, id)
			.query(MatterStore::map)
			.optional();
	}

	List<Matter> ofClient(UUID firmId, UUID clientId) {
		return this.jdbc
			.sql("select * from matter where firm_id = ? and client_id = ? order by status desc, created_at desc, id")
			.params(firmId, clientId)
			.query(MatterStore::map)
			.list();
	}

	private static Matter map(ResultSet rs, int row) throws SQLException {
		return new Matter(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("client_id", UUID.class), rs.getString("name"), rs.getString("type"),
				MatterStatus.valueOf(rs.getString("status")), rs.getObject("folder_id", UUID.class),
				Timestamps.instant(rs, "created_at"));
	}

}
