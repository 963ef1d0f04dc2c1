package app.dossier.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files Dossier is writing into a folder right now. A file is in storage a moment before
 * the row that describes it is committed; in that moment, reconciliation must not take it
 * for a file someone added directly in storage. Recorded in the database, so it holds
 * across several servers; an entry a crash left behind stops counting after an hour.
 */
@Service
public class WritesInProgress {

	private static final Duration ABANDONED = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate separately;

	WritesInProgress(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Announces a write into the folder; committed at once, before the write starts. */
	public UUID begin(StorageFolder folder) {
		UUID id = UUID.randomUUID();
		this.separately.executeWithoutResult((status) -> this.jdbc
			.sql("insert into storage_write (id, firm_id, folder, started_at) values (?, ?, ?, ?)")
			.params(id, folder.firmId(), name(folder), Timestamps.utc(this.clock.instant()))
			.update());
		return id;
	}

	/** The write is over: its row is committed, or it failed and left nothing. */
	public void end(UUID id) {
		this.separately.executeWithoutResult(
				(status) -> this.jdbc.sql("delete from storage_write where id = ?").param(id).update());
	}

	public boolean any(StorageFolder folder) {
		return this.jdbc.sql("select count(*) from storage_write where firm_id = ? and folder = ? and started_at > ?")
			.params(folder.firmId(), name(folder), Timestamps.utc(this.clock.instant().minus(ABANDONED)))
			.query(Long.class)
			.single() > 0;
	}

	private static String name(StorageFolder folder) {
		return folder.platform().id() + ":" + String.join("/", folder.path());
	}

}
