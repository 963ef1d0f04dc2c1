package app.dossier.previews;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.documents.Document;
import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PreviewStore {

	// Ids per query: well inside every database's limit on parameters.
	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	PreviewStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the preview of the bytes with this checksum, replacing an older one. */
	void save(UUID firmId, UUID documentId, String sha256, @Nullable Thumbnail thumbnail, @Nullable String detail,
			Instant at) {
		this.jdbc.sql("delete from document_preview where document_id = ?").param(documentId).update();
		this.jdbc
			.sql("insert into document_preview (document_id, firm_id, sha256, status, detail, bytes, width, height,"
					+ " created_at) select ?, ?, ?, ?, ?, ?, ?, ?, ? from document where id = ? and sha256 = ?")
			.params(documentId, firmId, sha256, (thumbnail != null) ? "READY" : "NONE", detail,
					(thumbnail != null) ? thumbnail.jpeg() : null, (thumbnail != null) ? thumbnail.width() : null,
					(thumbnail != null) ? thumbnail.height() : null, Timestamps.utc(at), documentId, sha256)
			.update();
	}

	/** The preview of exactly these bytes, if one was made. */
	Optional<Thumbnail> find(UUID firmId, UUID documentId, String sha256) {
		return this.jdbc
			.sql("select bytes, width, height from document_preview where firm_id = ? and document_id = ?"
					+ " and sha256 = ? and status = 'READY'")
			.params(firmId, documentId, sha256)
			.query((rs, row) -> new Thumbnail(rs.getBytes("bytes"), rs.getInt("width"), rs.getInt("height")))
			.optional();
	}

	/** Of these documents, the ones with a preview of their current bytes. */
	Set<UUID> ready(UUID firmId, Collection<Document> documents) {
		Map<UUID, String> checksums = new HashMap<>();
		documents.forEach((d) -> checksums.put(d.id(), d.sha256()));
		Set<UUID> ready = new HashSet<>();
		List<UUID> ids = List.copyOf(checksums.keySet());
		for (int from = 0; from < ids.size(); from += BATCH) {
			// A preview counts only if it was made of the document's current bytes.
			this.jdbc
				.sql("select document_id, sha256 from document_preview where firm_id = :firm and status = 'READY'"
						+ " and document_id in (:ids)")
				.param("firm", firmId)
				.param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
				.query((rs) -> {
					UUID id = rs.getObject("document_id", UUID.class);
					if (rs.getString("sha256").equals(checksums.get(id))) {
						ready.add(id);
					}
				});
		}
		return ready;
	}

	boolean attempted(UUID documentId, String sha256) {
		return this.jdbc.sql("select count(*) from document_preview where document_id = ? and sha256 = ?")
			.params(documentId, sha256)
			.query(Long.class)
			.single() > 0;
	}

}
