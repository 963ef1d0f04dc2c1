package app.dossier.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FolderStore {

	private final JdbcClient jdbc;

	FolderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Folder folder) {
		this.jdbc
			.sql("insert into folder (id, firm_id, client_id, parent_id, name, name_key, purpose, created_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(folder.id(), folder.firmId(), folder.clientId(), folder.parentId(), folder.name(),
					key(folder.name()), folder.purpose(), Timestamps.utc(folder.createdAt()))
			.update();
	}

	void rename(UUID firmId, UUID id, String name) {
		this.jdbc.sql("update folder set name = ?, name_key = ? where firm_id = ? and id = ?")
			.params(name, key(name), firmId, id)
			.update();
	}

	Optional<Folder> find(UUID firmId, UUID id) {
		return this.jdbc.sql("select * from folder where firm_id = ? and id = ?")
			.params(firmId, id)
			.query(FolderStore::map)
			.optional();
	}

	List<Folder> ofClient(UUID firmId, UUID clientId) {
		return this.jdbc.sql("select * from folder where firm_id = ? and client_id = ? order by name_key, id")
			.params(firmId, clientId)
			.query(FolderStore::map)
			.list();
	}

	boolean nameTaken(UUID firmId, UUID clientId, @Nullable UUID parentId, String name, @Nullable UUID exceptId) {
		String parent = (parentId != null) ? "parent_id = ?" : "parent_id is null";
		var statement = this.jdbc
			.sql("select count(*) from folder where firm_id = ? and client_id = ? and " + parent
					+ " and name_key = ? and id <> ?")
			.param(firmId)
			.param(clientId);
		if (parentId != null) {
			statement = statement.param(parentId);
		}
		return statement.param(key(name))
			.param((exceptId != null) ? exceptId : new UUID(0, 0))
			.query(Long.class)
			.single() > 0;
	}

	boolean isEmpty(UUID firmId, UUID id) {
		long children = this.jdbc.sql("select count(*) from folder where firm_id = ? and parent_id = ?")
			.params(firmId, id)
			.query(Long.class)
			.single();
		long documents = this.jdbc.sql("select count(*) from document where firm_id = ? and folder_id = ?")
			.params(firmId, id)
			.query(Long.class)
			.single();
		return children == 0 && documents == 0;
	}

	void delete(UUID firmId, UUID id) {
		this.jdbc.sql("delete from folder where firm_id = ? and id = ?").params(firmId, id).update();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static Folder map(ResultSet rs, int row) throws SQLException {
		return new Folder(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("client_id", UUID.class), rs.getObject("parent_id", UUID.class), rs.getString("name"),
				rs.getString("purpose"), Timestamps.instant(rs, "created_at"));
	}

}
