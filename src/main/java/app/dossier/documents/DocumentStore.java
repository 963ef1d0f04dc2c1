package app.dossier.documents;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.Text;
import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Document rows; every query names the firm. */
@Repository
class DocumentStore {

	private static final List<String> AVAILABLE_TO_CUSTOMERS = Arrays.stream(ScanStatus.values())
		.filter(ScanStatus::availableToCustomers)
		.map(ScanStatus::name)
		.toList();

	private static final int ARRAY_MAX = 50_000;

	private final JdbcClient jdbc;

	DocumentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Document d) {
		this.jdbc
			.sql("insert into document (id, firm_id, client_id, name, search_name, storage_key, size, sha256,"
					+ " content_type, visible_to_client, show_on_dashboard, notes, document_date, source,"
					+ " uploaded_by_staff, uploaded_by_contact, uploaded_by_label, created_at, last_activity_at,"
					+ " folder_id, version, scan_status)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(d.id(), d.firmId(), d.clientId(), d.name(), Text.searchable(d.name()), d.storageKey(), d.size(),
					d.sha256(), d.contentType(), d.visibleToClient(), d.showOnDashboard(), d.notes(),
					date(d.documentDate()), d.source().name(), d.uploadedByStaff(), d.uploadedByContact(),
					d.uploadedByLabel(), Timestamps.utc(d.createdAt()), Timestamps.utc(d.lastActivityAt()),
					d.folderId(), d.version(), d.scan().name())
			.update();
	}

	void update(Document d) {
		this.jdbc
			.sql("update document set name = ?, search_name = ?, storage_key = ?, visible_to_client = ?,"
					+ " show_on_dashboard = ?, notes = ?, document_date = ?, last_activity_at = ?, folder_id = ?,"
					+ " size = ?, sha256 = ?, content_type = ?, version = ?, scan_status = ?,"
					+ " scan_detail = case when cast(? as varchar(16)) in ('PENDING', 'NOT_SCANNED') then null"
					+ " else scan_detail end" + " where firm_id = ? and id = ?")
			.params(d.name(), Text.searchable(d.name()), d.storageKey(), d.visibleToClient(), d.showOnDashboard(),
					d.notes(), date(d.documentDate()), Timestamps.utc(d.lastActivityAt()), d.folderId(), d.size(),
					d.sha256(), d.contentType(), d.version(), d.scan().name(), d.scan().name(), d.firmId(), d.id())
			.update();
	}

	void touch(UUID firmId, UUID id, Instant at) {
		this.jdbc.sql("update document set last_activity_at = ? where firm_id = ? and id = ?")
			.params(Timestamps.utc(at), firmId, id)
			.update();
	}

	void touch(UUID firmId, List<UUID> ids, Instant at) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("update document set last_activity_at = :at where firm_id = :firm and id in (:ids)")
			.param("at", Timestamps.utc(at))
			.param("firm", firmId)
			.param("ids", ids)
			.update();
	}

	Optional<Document> find(UUID firmId, UUID id) {
		return this.jdbc.sql("select * from document where firm_id = ? and id = ?")
			.params(firmId, id)
			.query(DocumentStore::map)
			.optional();
	}

	List<Document> find(UUID firmId, List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from document where firm_id = :firm and id in (:ids)")
			.param("firm", firmId)
			.param("ids", ids)
			.query(DocumentStore::map)
			.list();
	}

	List<Document> list(UUID firmId, UUID clientId, DocumentSort sort, @Nullable String text) {
		return list(firmId, clientId, sort, text, null, 0, Integer.MAX_VALUE);
	}

	/**
	 * At most {@code limit} documents from {@code offset} on, in the sort's order; only
	 * those in {@code folders} when given.
	 */
	List<Document> list(UUID firmId, UUID clientId, DocumentSort sort, @Nullable String text,
			@Nullable Collection<UUID> folders, int offset, int limit) {
		StringBuilder sql = new StringBuilder("select * from document where firm_id = :firm and client_id = :client");
		boolean searching = text != null && !text.isBlank();
		if (searching) {
			sql.append(" and search_name like :text escape '\\'");
		}
		if (folders != null) {
			sql.append(folders.isEmpty() ? " and 1 = 0" : " and folder_id in (:folders)");
		}
		sql.append(" order by ").append(sort.orderBy());
		boolean paged = offset > 0 || limit < Integer.MAX_VALUE;
		if (paged) {
			sql.append(" limit :limit offset :offset");
		}
		var statement = this.jdbc.sql(sql.toString()).param("firm", firmId).param("client", clientId);
		if (searching) {
			statement = statement.param("text", Text.containsPattern(text));
		}
		if (folders != null && !folders.isEmpty()) {
			statement = statement.param("folders", folders);
		}
		if (paged) {
			statement = statement.param("limit", limit).param("offset", offset);
		}
		return statement.query(DocumentStore::map).list();
	}

	/**
	 * At most {@code limit} of the documents the contact sees, from {@code offset} on, in
	 * the sort's order.
	 */
	List<Document> seen(CustomerView view, SeenFilter filter, DocumentSort sort, int offset, int limit) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("select * from document where ").append(seenWhere(view, filter, params));
		sql.append(" order by ").append(sort.orderBy());
		if (offset > 0 || limit < Integer.MAX_VALUE) {
			sql.append(" limit :limit offset :offset");
			params.put("limit", limit);
			params.put("offset", offset);
		}
		return this.jdbc.sql(sql.toString()).params(params).query(DocumentStore::map).list();
	}

	int countSeen(CustomerView view, SeenFilter filter) {
		Map<String, Object> params = new HashMap<>();
		return this.jdbc.sql("select count(*) from document where " + seenWhere(view, filter, params))
			.params(params)
			.query(Integer.class)
			.single();
	}

	/**
	 * What a download link offers, by name: the client's documents available to customers
	 * among {@code chosen} when any are, else those also visible to the client, in
	 * {@code folders} when given.
	 */
	List<Document> offered(UUID firmId, UUID clientId, Set<UUID> chosen, @Nullable Set<UUID> folders) {
		Map<String, Object> params = new HashMap<>();
		params.put("firm", firmId);
		params.put("client", clientId);
		params.put("available", AVAILABLE_TO_CUSTOMERS);
		StringBuilder sql = new StringBuilder("select * from document where firm_id = :firm and client_id = :client")
			.append(" and scan_status in (:available) and missing_since is null");
		if (!chosen.isEmpty()) {
			sql.append(" and ").append(anyOf(chosen, params));
		}
		else {
			sql.append(" and visible_to_client = true");
			if (folders != null) {
				if (folders.isEmpty()) {
					sql.append(" and 1 = 0");
				}
				else {
					sql.append(" and folder_id in (:folders)");
					params.put("folders", folders);
				}
			}
		}
		sql.append(" order by ").append(DocumentSort.DEFAULT.orderBy());
		return this.jdbc.sql(sql.toString()).params(params).query(DocumentStore::map).list();
	}

	/** {@link CustomerView#sees} as SQL, with the filter's own condition. */
	private static String seenWhere(CustomerView view, SeenFilter filter, Map<String, Object> params) {
		params.put("firm", view.firmId());
		params.put("client", view.clientId());
		params.put("contact", view.contactId());
		params.put("available", AVAILABLE_TO_CUSTOMERS);
		StringBuilder where = new StringBuilder("firm_id = :firm and client_id = :client")
			.append(" and scan_status in (:available) and missing_since is null")
			.append(" and (uploaded_by_contact = :contact");
		if (!view.folders().isEmpty() || !view.documents().isEmpty()) {
			where.append(" or (visible_to_client = true and (");
			if (!view.folders().isEmpty()) {
				where.append("folder_id in (:sharedFolders)");
				params.put("sharedFolders", view.folders());
			}
			if (!view.documents().isEmpty()) {
				where.append(view.folders().isEmpty() ? "" : " or ").append(anyOf(view.documents(), params));
			}
			where.append("))");
		}
		where.append(")");
		switch (filter.where()) {
			case IN_FOLDERS -> {
				if (filter.folders().isEmpty()) {
					where.append(" and 1 = 0");
				}
				else {
					where.append(" and folder_id in (:folders)");
					params.put("folders", filter.folders());
				}
			}
			case TOP_LEVEL -> {
				if (!view.folders().isEmpty()) {
					where.append(" and (folder_id is null or folder_id not in (:sharedFolders))");
				}
			}
			case PINNED -> where.append(" and show_on_dashboard = true");
			case EVERYWHERE -> {
			}
		}
		if (filter.searching()) {
			where.append(" and search_name like :text escape '\\'");
			params.put("text", Text.containsPattern(filter.text()));
		}
		return where.toString();
	}

	/**
	 * {@code id = any(…)} over arrays of at most {@link #ARRAY_MAX} ids each: every file
	 * put straight into a client's storage folder is shared with each contact one by one,
	 * so a contact may have more documents shared one by one than a statement may have
	 * parameters, and more than H2 takes in one array (65,536).
	 */
	private static String anyOf(Set<UUID> ids, Map<String, Object> params) {
		List<UUID> all = List.copyOf(ids);
		StringJoiner any = new StringJoiner(" or ", "(", ")");
		for (int from = 0; from < all.size(); from += ARRAY_MAX) {
			String name = "shared" + (from / ARRAY_MAX);
			any.add("id = any(:" + name + ")");
			params.put(name, uuidArray(all.subList(from, Math.min(from + ARRAY_MAX, all.size()))));
		}
		return any.toString();
	}

	private static SqlParameterValue uuidArray(List<UUID> ids) {
		return new SqlParameterValue(Types.ARRAY, new AbstractSqlTypeValue() {
			@Override
			protected Object createTypeValue(Connection connection, int sqlType, @Nullable String typeName)
					throws SQLException {
				return connection.createArrayOf("uuid", ids.toArray());
			}
		});
	}

	Map<UUID, Long> countByClient(UUID firmId, Collection<UUID> clientIds) {
		Map<UUID, Long> counts = new HashMap<>();
		this.jdbc
			.sql("select client_id, count(*) as n from document where firm_id = :firm and client_id in (:clients)"
					+ " group by client_id")
			.param("firm", firmId)
			.param("clients", clientIds)
			.query((rs) -> {
				counts.put(rs.getObject("client_id", UUID.class), rs.getLong("n"));
			});
		return counts;
	}

	Map<UUID, Long> countNewByClient(UUID firmId, UUID staffId, Collection<UUID> clientIds) {
		Map<UUID, Long> counts = new HashMap<>();
		this.jdbc
			.sql("select d.client_id, count(*) as n from document d left join client_file_view v"
					+ " on v.staff_id = :staff and v.client_id = d.client_id"
					+ " where d.firm_id = :firm and d.client_id in (:clients) and d.source in ('PORTAL', 'LINK')"
					+ " and (v.opened_at is null or d.created_at > v.opened_at) group by d.client_id")
			.param("staff", staffId)
			.param("firm", firmId)
			.param("clients", clientIds)
			.query((rs) -> {
				counts.put(rs.getObject("client_id", UUID.class), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * When the staff member last opened the client's files (null: never), then records
	 * now.
	 */
	@Nullable Instant opened(UUID firmId, UUID staffId, UUID clientId, Instant now) {
		Instant previous = this.jdbc.sql("select opened_at from client_file_view where staff_id = ? and client_id = ?")
			.params(staffId, clientId)
			.query((rs, row) -> Timestamps.instant(rs, "opened_at"))
			.optional()
			.orElse(null);
		if (previous == null) {
			this.jdbc.sql("insert into client_file_view (staff_id, client_id, firm_id, opened_at) values (?, ?, ?, ?)")
				.params(staffId, clientId, firmId, Timestamps.utc(now))
				.update();
		}
		else {
			this.jdbc.sql("update client_file_view set opened_at = ? where staff_id = ? and client_id = ?")
				.params(Timestamps.utc(now), staffId, clientId)
				.update();
		}
		return previous;
	}

	void delete(UUID firmId, UUID id) {
		this.jdbc.sql("delete from document where firm_id = ? and id = ?").params(firmId, id).update();
	}

	/** The file was found gone from storage; false if it was already known to be. */
	boolean markMissing(UUID firmId, UUID id, Instant at) {
		return this.jdbc
			.sql("update document set missing_since = ? where firm_id = ? and id = ? and missing_since is null")
			.params(Timestamps.utc(at), firmId, id)
			.update() == 1;
	}

	/** The file is back in storage. */
	void found(UUID firmId, UUID id) {
		this.jdbc.sql("update document set missing_since = null where firm_id = ? and id = ?")
			.params(firmId, id)
			.update();
	}

	/** Records the platform's version of the document's file as Dossier last saw it. */
	void seen(UUID firmId, UUID id, String storageVersion) {
		this.jdbc.sql("update document set storage_version = ? where firm_id = ? and id = ?")
			.params(storageVersion, firmId, id)
			.update();
	}

	/** Document id → the platform's version of its file when last seen, where known. */
	Map<UUID, String> storageVersions(UUID firmId, UUID clientId) {
		Map<UUID, String> versions = new java.util.HashMap<>();
		this.jdbc
			.sql("select id, storage_version from document where firm_id = ? and client_id = ?"
					+ " and storage_version is not null")
			.params(firmId, clientId)
			.query((rs) -> {
				versions.put(rs.getObject("id", UUID.class), rs.getString("storage_version"));
			});
		return versions;
	}

	/** Every storage key any version of the client's documents uses. */
	java.util.Set<String> versionKeys(UUID firmId, UUID clientId) {
		return new java.util.HashSet<>(this.jdbc
			.sql("select v.storage_key from document_version v join document d on d.id = v.document_id"
					+ " where d.firm_id = ? and d.client_id = ?")
			.params(firmId, clientId)
			.query(String.class)
			.list());
	}

	/** Every key a client's documents use now, with their documents, for a move. */
	List<Document> ofClient(UUID firmId, UUID clientId) {
		return this.jdbc.sql("select * from document where firm_id = ? and client_id = ?")
			.params(firmId, clientId)
			.query(DocumentStore::map)
			.list();
	}

	private static @Nullable Date date(java.time.@Nullable LocalDate date) {
		return (date != null) ? Date.valueOf(date) : null;
	}

	private static Document map(ResultSet rs, int row) throws SQLException {
		Date date = rs.getDate("document_date");
		return new Document(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("client_id", UUID.class), rs.getString("name"), rs.getString("storage_key"),
				rs.getLong("size"), rs.getString("sha256"), rs.getString("content_type"),
				rs.getBoolean("visible_to_client"), rs.getBoolean("show_on_dashboard"), rs.getString("notes"),
				(date != null) ? date.toLocalDate() : null, DocumentSource.valueOf(rs.getString("source")),
				rs.getObject("uploaded_by_staff", UUID.class), rs.getObject("uploaded_by_contact", UUID.class),
				rs.getString("uploaded_by_label"), Timestamps.instant(rs, "created_at"),
				Timestamps.instant(rs, "last_activity_at"), rs.getObject("folder_id", UUID.class), rs.getInt("version"),
				ScanStatus.valueOf(rs.getString("scan_status")), Timestamps.nullableInstant(rs, "missing_since"));
	}

	/**
	 * Records a scan of the version with this checksum; false when the document has
	 * changed (or gone) since, so the result is stale.
	 */
	boolean scanned(UUID firmId, UUID id, String sha256, ScanStatus status, @Nullable String detail, Instant at) {
		return this.jdbc
			.sql("update document set scan_status = ?, scan_detail = ?, scanned_at = ?"
					+ " where firm_id = ? and id = ? and sha256 = ? and scan_status = 'PENDING'")
			.params(status.name(), detail, Timestamps.utc(at), firmId, id, sha256)
			.update() == 1;
	}

	/** Documents waiting for the scanner, oldest first, across firms. */
	List<Document> pendingScans(int limit) {
		return this.jdbc.sql("select * from document where scan_status = 'PENDING' order by created_at, id limit ?")
			.param(limit)
			.query(DocumentStore::map)
			.list();
	}

}
