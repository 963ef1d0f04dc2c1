package app.dossier.links;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Links and the documents chosen for them; every query names the firm. */
@Repository
class LinkStore {

	private final JdbcClient jdbc;

	LinkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Link link, String tokenHash) {
		this.jdbc.sql("insert into link (id, firm_id, client_id, kind, folder_id, matter_id, token_salt, token_hash,"
				+ " code_sealed, message, expires_at, enabled, disabled_reason, max_files, max_file_size, allowed_types,"
				+ " created_by, created_by_name, created_at, updated_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(link.id(), link.firmId(), link.clientId(), link.kind().name(), link.folderId(), link.matterId(),
					link.tokenSalt(), tokenHash, link.codeSealed(), link.message(), Timestamps.utc(link.expiresAt()),
					link.enabled(), link.disabledReason(), link.maxFiles(), link.maxFileSize(),
					String.join(",", link.allowedTypes()), link.createdBy(), link.createdByName(),
					Timestamps.utc(link.createdAt()), Timestamps.utc(link.updatedAt()))
			.update();
		chooseDocuments(link.id(), link.documentIds());
	}

	void update(Link link) {
		this.jdbc.sql("update link set message = ?, expires_at = ?, enabled = ?, disabled_reason = ?, max_files = ?,"
				+ " max_file_size = ?, allowed_types = ?, code_sealed = ?, updated_at = ? where id = ? and firm_id = ?")
			.params(link.message(), Timestamps.utc(link.expiresAt()), link.enabled(), link.disabledReason(),
					link.maxFiles(), link.maxFileSize(), String.join(",", link.allowedTypes()), link.codeSealed(),
					Timestamps.utc(link.updatedAt()), link.id(), link.firmId())
			.update();
		this.jdbc.sql("delete from link_document where link_id = ?").param(link.id()).update();
		chooseDocuments(link.id(), link.documentIds());
	}

	/** Disables the link unless it already is; true when this call disabled it. */
	boolean shut(UUID linkId, String reason, Instant at) {
		return this.jdbc
			.sql("update link set enabled = false, disabled_reason = ?, updated_at = ? where id = ? and enabled = true")
			.params(reason, Timestamps.utc(at), linkId)
			.update() == 1;
	}

	void delete(UUID firmId, UUID linkId) {
		this.jdbc.sql("delete from link where id = ? and firm_id = ?").params(linkId, firmId).update();
	}

	Optional<Link> find(UUID firmId, UUID linkId) {
		return this.jdbc.sql("select * from link where id = ? and firm_id = ?")
			.params(linkId, firmId)
			.query(LinkStore::map)
			.optional()
			.map(this::withDocuments);
	}

	Optional<Link> byTokenHash(String tokenHash) {
		return this.jdbc.sql("select * from link where token_hash = ?")
			.param(tokenHash)
			.query(LinkStore::map)
			.optional()
			.map(this::withDocuments);
	}

	List<Link> ofClient(UUID firmId, UUID clientId) {
		return this.jdbc.sql("select * from link where firm_id = ? and client_id = ? order by created_at desc, id")
			.params(firmId, clientId)
			.query(LinkStore::map)
			.list()
			.stream()
			.map(this::withDocuments)
			.toList();
	}

	private void chooseDocuments(UUID linkId, List<UUID> documentIds) {
		for (UUID documentId : documentIds) {
			this.jdbc.sql("insert into link_document (link_id, document_id) values (?, ?)")
				.params(linkId, documentId)
				.update();
		}
	}

	private Link withDocuments(Link link) {
		List<UUID> chosen = this.jdbc
			.sql("select document_id from link_document where link_id = ? order by document_id")
			.param(link.id())
			.query(UUID.class)
			.list();
		return new Link(link.id(), link.firmId(), link.clientId(), link.kind(), link.folderId(), link.matterId(),
				link.tokenSalt(), link.codeSealed(), link.message(), link.expiresAt(), link.enabled(),
				link.disabledReason(), link.maxFiles(), link.maxFileSize(), link.allowedTypes(), link.createdBy(),
				link.createdByName(), link.createdAt(), link.updatedAt(), chosen);
	}

	private static Link map(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new Link(id, rs.getObject("firm_id", UUID.class), rs.getObject("client_id", UUID.class),
				LinkKind.valueOf(rs.getString("kind")), rs.getObject("folder_id", UUID.class),
				rs.getObject("matter_id", UUID.class), rs.getString("token_salt"), rs.getString("code_sealed"),
				rs.getString("message"), Timestamps.instant(rs, "expires_at"), rs.getBoolean("enabled"),
				rs.getString("disabled_reason"), rs.getInt("max_files"), rs.getLong("max_file_size"),
				types(rs.getString("allowed_types")), rs.getObject("created_by", UUID.class),
				rs.getString("created_by_name"), Timestamps.instant(rs, "created_at"),
				Timestamps.instant(rs, "updated_at"), List.of());
	}

	private static List<String> types(@Nullable String value) {
		return (value == null || value.isBlank()) ? List.of() : Arrays.asList(value.split(","));
	}

}
