package app.dossier.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.Text;
import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clients and their team assignments; every query names the firm. */
@Repository
class ClientStore {

	private final JdbcClient jdbc;

	ClientStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Client client) {
		this.jdbc
			.sql("insert into client (id, firm_id, display_name, search_name, email, phone, notes, status, created_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(client.id(), client.firmId(), client.displayName(), Text.searchable(client.displayName()),
					client.email(), client.phone(), client.notes(), client.status().name(),
					Timestamps.utc(client.createdAt()))
			.update();
	}

	void update(Client client) {
		this.jdbc
			.sql("update client set display_name = ?, search_name = ?, email = ?, phone = ?, notes = ?, status = ?"
					+ " where firm_id = ? and id = ?")
			.params(client.displayName(), Text.searchable(client.displayName()), client.email(), client.phone(),
					client.notes(), client.status().name(), client.firmId(), client.id())
			.update();
	}

	Optional<Client> find(UUID firmId, UUID id) {
		return this.jdbc.sql("select * from client where firm_id = ? and id = ?")
			.params(firmId, id)
			.query(ClientStore::map)
			.optional();
	}

	List<Client> search(UUID firmId, Query query, int limit, int offset) {
		Where where = where(firmId, query);
		return this.jdbc.sql("select * from client where " + where.sql + " order by search_name, id limit ? offset ?")
			.params(where.params)
			.param(limit)
			.param(offset)
			.query(ClientStore::map)
			.list();
	}

	long count(UUID firmId, Query query) {
		Where where = where(firmId, query);
		return this.jdbc.sql("select count(*) from client where " + where.sql)
			.params(where.params)
			.query(Long.class)
			.single();
	}

	private static Where where(UUID firmId, Query query) {
		StringBuilder sql = new StringBuilder("firm_id = ?");
		List<Object> params = new java.util.ArrayList<>(List.of(firmId));
		if (query.status() != null) {
			sql.append(" and status = ?");
			params.add(query.status().name());
		}
		if (query.text() != null && !query.text().isBlank()) {
			sql.append(" and (search_name like ? escape '\\' or lower(email) like ? escape '\\')");
			String pattern = Text.containsPattern(query.text());
			params.add(pattern);
			params.add(pattern);
		}
		if (query.assignedTo() != null) {
			sql.append(" and id in (select client_id from client_team where firm_id = ? and staff_id = ?)");
			params.add(firmId);
			params.add(query.assignedTo());
		}
		return new Where(sql.toString(), params);
	}

	boolean folderTaken(UUID firmId, String folderKey) {
		return this.jdbc.sql("select count(*) from client where firm_id = ? and folder_key = ?")
			.params(firmId, folderKey)
			.query(Long.class)
			.single() > 0;
	}

	/** Sets the folder unless one was set meanwhile; true if this call set it. */
	boolean assignFolder(UUID firmId, UUID id, String platform, String root, String name, String folderKey) {
		return this.jdbc
			.sql("update client set storage_platform = ?, folder_root = ?, folder_name = ?, folder_key = ?"
					+ " where firm_id = ? and id = ? and folder_key is null")
			.params(platform, root, name, folderKey, firmId, id)
			.update() == 1;
	}

	/** Clients whose folder exists on another platform than the one given. */
	List<UUID> withFoldersNotOn(UUID firmId, String platform) {
		return this.jdbc
			.sql("select id from client where firm_id = ? and folder_key is not null and storage_platform <> ?"
					+ " order by display_name, id")
			.params(firmId, platform)
			.query(UUID.class)
			.list();
	}

	/** After its files were moved to another platform. */
	void movePlatform(UUID firmId, UUID id, String platform) {
		this.jdbc.sql("update client set storage_platform = ? where firm_id = ? and id = ?")
			.params(platform, firmId, id)
			.update();
	}

	void delete(UUID firmId, UUID id) {
		this.jdbc.sql("delete from client_team where firm_id = ? and client_id = ?").params(firmId, id).update();
		this.jdbc.sql("delete from contact where firm_id = ? and client_id = ?").params(firmId, id).update();
		this.jdbc.sql("delete from client where firm_id = ? and id = ?").params(firmId, id).update();
	}

	List<UUID> team(UUID firmId, UUID clientId) {
		return this.jdbc.sql("select staff_id from client_team where firm_id = ? and client_id = ?")
			.params(firmId, clientId)
			.query(UUID.class)
			.list();
	}

	void replaceTeam(UUID firmId, UUID clientId, List<UUID> staffIds) {
		this.jdbc.sql("delete from client_team where firm_id = ? and client_id = ?").params(firmId, clientId).update();
		for (UUID staffId : staffIds) {
			this.jdbc.sql("insert into client_team (firm_id, client_id, staff_id) values (?, ?, ?)")
				.params(firmId, clientId, staffId)
				.update();
		}
	}

	private static Client map(ResultSet rs, int row) throws SQLException {
		return new Client(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getString("display_name"), rs.getString("email"), rs.getString("phone"), rs.getString("notes"),
				ClientStatus.valueOf(rs.getString("status")), rs.getString("folder_root"), rs.getString("folder_name"),
				rs.getString("storage_platform"), Timestamps.instant(rs, "created_at"));
	}

	/** What a client list is filtered by; nulls do not filter. */
	record Query(@Nullable String text, @Nullable ClientStatus status, @Nullable UUID assignedTo) {
	}

	private record Where(String sql, List<Object> params) {
	}

}
