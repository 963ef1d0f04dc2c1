package app.dossier.links;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every download through a link and every file received through one. */
@Repository
class Receipts {

	private final JdbcClient jdbc;

	Receipts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(UUID firmId, Receipt receipt) {
		this.jdbc
			.sql("insert into link_event (id, firm_id, link_id, session_id, kind, document_id, document_name, at, ip,"
					+ " user_agent) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(receipt.id(), firmId, receipt.linkId(), receipt.sessionId(), receipt.kind().name(),
					receipt.documentId(), truncate(receipt.documentName(), 300), Timestamps.utc(receipt.at()),
					receipt.ip(), (receipt.userAgent() != null) ? truncate(receipt.userAgent(), 400) : null)
			.update();
	}

	/** Newest first. */
	List<Receipt> of(UUID firmId, UUID linkId) {
		return this.jdbc.sql("select * from link_event where firm_id = ? and link_id = ? order by at desc, id")
			.params(firmId, linkId)
			.query(Receipts::map)
			.list();
	}

	int uploadsInSession(UUID sessionId) {
		return this.jdbc.sql("select count(*) from link_event where session_id = ? and kind = 'UPLOAD'")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

	/** The files received in one visit, in the order they came. */
	List<Received> receivedInSession(UUID sessionId) {
		return this.jdbc
			.sql("select e.document_name, d.size from link_event e left join document d on d.id = e.document_id"
					+ " where e.session_id = ? and e.kind = 'UPLOAD' order by e.at, e.id")
			.param(sessionId)
			.query((rs, row) -> new Received(rs.getString("document_name"), rs.getLong("size")))
			.list();
	}

	private static String truncate(String value, int max) {
		return (value.length() <= max) ? value : value.substring(0, max);
	}

	private static Receipt map(ResultSet rs, int row) throws SQLException {
		return new Receipt(rs.getObject("id", UUID.class), rs.getObject("link_id", UUID.class),
				rs.getObject("session_id", UUID.class), Receipt.Kind.valueOf(rs.getString("kind")),
				rs.getObject("document_id", UUID.class), rs.getString("document_name"), Timestamps.instant(rs, "at"),
				rs.getString("ip"), rs.getString("user_agent"));
	}

	/** A file as the recipient's confirmation lists it. */
	record Received(String name, long size) {
	}

	/** One download or upload through a link: what, when, from where, with what. */
	record Receipt(UUID id, UUID linkId, @Nullable UUID sessionId, Kind kind, @Nullable UUID documentId,
			String documentName, Instant at, String ip, @Nullable String userAgent) {

		enum Kind {

			DOWNLOAD, UPLOAD

		}

	}

}
