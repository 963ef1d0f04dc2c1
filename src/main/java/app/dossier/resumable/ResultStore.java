package app.dossier.resumable;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which document each finished upload became, for a day. */
@Repository
class ResultStore {

	private final JdbcClient jdbc;

	ResultStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(String uploadId, String owner, UUID documentId, long length, Instant at) {
		this.jdbc
			.sql("insert into resumable_upload_result (upload_id, owner, document_id, length, finished_at)"
					+ " values (?, ?, ?, ?, ?)")
			.params(uploadId, owner, documentId, length, Timestamps.utc(at))
			.update();
	}

	Optional<Result> find(String uploadId, String owner) {
		return this.jdbc
			.sql("select document_id, length from resumable_upload_result where upload_id = ? and owner = ?")
			.params(uploadId, owner)
			.query((rs, row) -> new Result(rs.getObject("document_id", UUID.class), rs.getLong("length")))
			.optional();
	}

	void forgetBefore(Instant cutoff) {
		this.jdbc.sql("delete from resumable_upload_result where finished_at < ?")
			.param(Timestamps.utc(cutoff))
			.update();
	}

	record Result(UUID documentId, long length) {
	}

}
