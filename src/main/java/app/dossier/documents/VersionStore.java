package app.dossier.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VersionStore {

	private final JdbcClient jdbc;

	VersionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DocumentVersion v) {
		this.jdbc
			.sql("insert into document_version (id, firm_id, document_id, version, name, storage_key, size, sha256,"
					+ " content_type, uploaded_by_staff, uploaded_by_contact, uploaded_by_label, created_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(v.id(), v.firmId(), v.documentId(), v.version(), v.name(), v.storageKey(), v.size(), v.sha256(),
					v.contentType(), v.uploadedByStaff(), v.uploadedByContact(), v.uploadedByLabel(),
					Timestamps.utc(v.createdAt()))
			.update();
	}

	List<DocumentVersion> of(UUID firmId, UUID documentId) {
		return this.jdbc
			.sql("select * from document_version where firm_id = ? and document_id = ? order by version desc")
			.params(firmId, documentId)
			.query(VersionStore::map)
			.list();
	}

	Optional<DocumentVersion> find(UUID firmId, UUID documentId, UUID id) {
		return this.jdbc.sql("select * from document_version where firm_id = ? and document_id = ? and id = ?")
			.params(firmId, documentId, id)
			.query(VersionStore::map)
			.optional();
	}

	/**
	 * After the file of a version moved (a rename), every version that shares it follows.
	 */
	void moved(UUID documentId, String oldKey, String newKey) {
		this.jdbc.sql("update document_version set storage_key = ? where document_id = ? and storage_key = ?")
			.params(newKey, documentId, oldKey)
			.update();
	}

	private static DocumentVersion map(ResultSet rs, int row) throws SQLException {
		return new DocumentVersion(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class),
				rs.getObject("document_id", UUID.class), rs.getInt("version"), rs.getString("name"),
				rs.getString("storage_key"), rs.getLong("size"), rs.getString("sha256"), rs.getString("content_type"),
				rs.getObject("uploaded_by_staff", UUID.class), rs.getObject("uploaded_by_contact", UUID.class),
				rs.getString("uploaded_by_label"), Timestamps.instant(rs, "created_at"));
	}

}
