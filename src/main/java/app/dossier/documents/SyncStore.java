package app.dossier.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What reconciliation last saw in each client folder, and a claim so that two
 * reconciliations of one folder never run at once, on one server or several.
 */
@Repository
class SyncStore {

	/** Longer than any reconciliation; a claim a crash left behind ends by itself. */
	private static final Duration CLAIM = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	SyncStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the client's folder for a reconciliation unless one runs or one finished
	 * less than {@code interval} ago; answers the marker to start from.
	 */
	Optional<Claim> claim(UUID firmId, UUID clientId, Instant now, Duration interval) {
		int claimed = this.jdbc
			.sql("update storage_sync set running_until = ? where client_id = ? and firm_id = ?"
					+ " and (running_until is null or running_until < ?) and checked_at <= ?")
			.params(Timestamps.utc(now.plus(CLAIM)), clientId, firmId, Timestamps.utc(now),
					Timestamps.utc(now.minus(interval)))
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		String marker = this.jdbc.sql("select marker from storage_sync where client_id = ?")
			.param(clientId)
			.query(String.class)
			.optional()
			.orElse(null);
		return Optional.of(new Claim(marker));
	}

	/**
	 * Makes sure the client has a row to claim. Run it in a transaction of its own: two
	 * first looks at once make one of them fail on the key (a
	 * {@link org.springframework.dao.DuplicateKeyException} for the caller to ignore),
	 * which on PostgreSQL ends the transaction it happens in.
	 */
	void ensureRow(UUID firmId, UUID clientId) {
		this.jdbc
			.sql("insert into storage_sync (client_id, firm_id, checked_at) select ?, ?, ?"
					+ " where not exists (select 1 from storage_sync where client_id = ?)")
			.params(clientId, firmId, Timestamps.utc(Instant.EPOCH), clientId)
			.update();
	}

	/** Ends a claim, keeping the marker to start from next time. */
	void release(UUID clientId, @Nullable String marker, Instant now) {
		this.jdbc.sql("update storage_sync set running_until = null, checked_at = ?, marker = ? where client_id = ?")
			.params(Timestamps.utc(now), marker, clientId)
			.update();
	}

	/** Forgets the marker, so the next reconciliation reads the whole folder. */
	void forget(UUID clientId) {
		this.jdbc.sql("update storage_sync set marker = null where client_id = ?").param(clientId).update();
	}

	/** Clients with a folder whose last reconciliation is the oldest, across firms. */
	List<ClientRef> due(Instant before, int limit) {
		return this.jdbc
			.sql("select c.firm_id, c.id from client c left join storage_sync s on s.client_id = c.id"
					+ " where c.folder_key is not null and (s.checked_at is null or s.checked_at < ?)"
					+ " order by s.checked_at nulls first, c.id limit ?")
			.params(Timestamps.utc(before), limit)
			.query((rs, row) -> new ClientRef(rs.getObject("firm_id", UUID.class), rs.getObject("id", UUID.class)))
			.list();
	}

	record Claim(@Nullable String marker) {
	}

	record ClientRef(UUID firmId, UUID clientId) {
	}

}
