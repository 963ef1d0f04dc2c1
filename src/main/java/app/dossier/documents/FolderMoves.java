package app.dossier.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.clients.Clients;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.ConflictException;
import app.dossier.shared.NotFoundException;
import app.dossier.shared.Timestamps;
import app.dossier.storage.FileNames;
import app.dossier.storage.FileStorage;
import app.dossier.storage.Platform;
import app.dossier.storage.StorageFolder;
import app.dossier.storage.StoragePlatforms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a firm's existing client folders to the platform the firm uses now, one client at
 * a time. Every file of every version is copied and checked against its recorded size and
 * SHA-256 on arrival; only then does the client switch over, in one transaction, and the
 * old copies are removed. A client whose copy fails stays where it was, whole. Keys name
 * their platform, so files uploaded while a move runs stay readable and the next run
 * picks them up.
 */
@Service
public class FolderMoves {

	private static final Logger log = LoggerFactory.getLogger(FolderMoves.class);

	private final JdbcClient jdbc;

	private final Clients clients;

	private final FileStorage storage;

	private final StoragePlatforms platforms;

	private final SyncStore sync;

	private final Clock clock;

	private final TransactionTemplate transaction;

	FolderMoves(JdbcClient jdbc, Clients clients, FileStorage storage, StoragePlatforms platforms, SyncStore sync,
			Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clients = clients;
		this.storage = storage;
		this.platforms = platforms;
		this.sync = sync;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Starts moving every client folder of the firm that is not on its current platform,
	 * in the background; answers the run, which {@link #latest} follows.
	 * @throws ConflictException while another move of the firm runs
	 */
	public Move start(CurrentStaff by) {
		Platform target = this.platforms.platformFor(by.firmId());
		Optional<Move> running = latest(by.firmId()).filter((move) -> move.finishedAt() == null
				&& move.updatedAt().isAfter(this.clock.instant().minusSeconds(600)));
		if (running.isPresent()) {
			throw new ConflictException("A move of your files is already running.");
		}
		List<UUID> clientIds = this.clients.withFoldersNotOn(by.firmId(), target);
		Instant now = this.clock.instant();
		Move move = new Move(UUID.randomUUID(), target, now, now, null, clientIds.size(), 0, 0, 0, 0, null);
		this.jdbc
			.sql("insert into storage_move (id, firm_id, target, started_by, started_at, updated_at, clients_total,"
					+ " clients_done, files_copied, bytes_copied, failures) values (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)")
			.params(move.id(), by.firmId(), target.id(), by.staffId(), Timestamps.utc(now), Timestamps.utc(now),
					clientIds.size())
			.update();
		Thread.ofVirtual().name("storage-move-" + by.firmId()).start(() -> run(by.firmId(), move, clientIds));
		return move;
	}

	/**
	 * Moves the firm's folders now and answers when done (for the command line and
	 * tests).
	 */
	public Move runNow(CurrentStaff by) {
		Move move = start(by);
		for (int i = 0; i < 36_000; i++) {
			Move now = latest(by.firmId()).orElseThrow();
			if (now.id().equals(move.id()) && now.finishedAt() != null) {
				return now;
			}
			sleep();
		}
		throw new IllegalStateException("The move did not finish within an hour");
	}

	public Optional<Move> latest(UUID firmId) {
		return this.jdbc.sql("select * from storage_move where firm_id = ? order by started_at desc, id limit 1")
			.param(firmId)
			.query((rs, row) -> new Move(rs.getObject("id", UUID.class),
					Platform.of(rs.getString("target")).orElseThrow(), Timestamps.instant(rs, "started_at"),
					Timestamps.instant(rs, "updated_at"), Timestamps.nullableInstant(rs, "finished_at"),
					rs.getInt("clients_total"), rs.getInt("clients_done"), rs.getInt("files_copied"),
					rs.getLong("bytes_copied"), rs.getInt("failures"), rs.getString("last_error")))
			.optional();
	}

	private void run(UUID firmId, Move move, List<UUID> clientIds) {
		for (UUID clientId : clientIds) {
			try {
				Copied copied = moveClient(firmId, clientId, move.target());
				progress(move.id(), copied.files(), copied.bytes(), null);
			}
			catch (RuntimeException ex) {
				log.warn("Could not move the files of client {} to {}: {}", clientId, move.target().id(),
						ex.toString());
				progress(move.id(), 0, 0, ex.getMessage());
			}
		}
		this.jdbc.sql("update storage_move set finished_at = ?, updated_at = ? where id = ?")
			.params(Timestamps.utc(this.clock.instant()), Timestamps.utc(this.clock.instant()), move.id())
			.update();
	}

	private void progress(UUID moveId, int files, long bytes, @Nullable String error) {
		this.jdbc
			.sql("update storage_move set clients_done = clients_done + 1, files_copied = files_copied + ?,"
					+ " bytes_copied = bytes_copied + ?, failures = failures + ?,"
					+ " last_error = coalesce(?, last_error), updated_at = ? where id = ?")
			.params(files, bytes, (error != null) ? 1 : 0, error, Timestamps.utc(this.clock.instant()), moveId)
			.update();
	}

	/** Copies, checks, switches and cleans up one client's folder. */
	Copied moveClient(UUID firmId, UUID clientId, Platform target) {
		StorageFolder from = this.clients.folderOf(firmId, clientId);
		if (from.platform() == target) {
			return new Copied(0, 0);
		}
		StorageFolder to = this.clients.folderOn(firmId, clientId, target);
		Map<String, String> moved = new HashMap<>();
		int files = 0;
		long bytes = 0;
		try {
			for (int pass = 0; pass < 3; pass++) {
				Map<String, StoredVersion> pending = keysOn(firmId, clientId, from.platform(), moved);
				if (pending.isEmpty() && pass > 0) {
					break;
				}
				for (Map.Entry<String, StoredVersion> entry : pending.entrySet()) {
					StoredVersion version = entry.getValue();
					try {
						moved.put(entry.getKey(), this.storage.copy(firmId, entry.getKey(), version.size(),
								version.sha256(), to, FileNames.fileName(version.name())));
						files++;
						bytes += version.size();
					}
					catch (NotFoundException gone) {
						// Already missing from storage; its document stays marked
						// missing.
					}
				}
				switchOver(firmId, clientId, target, moved, pass == 0);
			}
		}
		catch (RuntimeException ex) {
			if (!this.clients.folderOf(firmId, clientId).platform().equals(target)) {
				moved.values().forEach((key) -> this.storage.delete(firmId, key));
			}
			throw ex;
		}
		moved.keySet().forEach((key) -> this.storage.delete(firmId, key));
		return new Copied(files, bytes);
	}

	private void switchOver(UUID firmId, UUID clientId, Platform target, Map<String, String> moved, boolean first) {
		this.transaction.executeWithoutResult((status) -> {
			for (Map.Entry<String, String> entry : moved.entrySet()) {
				this.jdbc
					.sql("update document set storage_key = ?, storage_version = null where firm_id = ?"
							+ " and client_id = ? and storage_key = ?")
					.params(entry.getValue(), firmId, clientId, entry.getKey())
					.update();
				this.jdbc
					.sql("update document_version set storage_key = ? where firm_id = ? and storage_key = ?"
							+ " and document_id in (select id from document where firm_id = ? and client_id = ?)")
					.params(entry.getValue(), firmId, entry.getKey(), firmId, clientId)
					.update();
			}
			if (first) {
				this.clients.moveFolder(firmId, clientId, target);
				this.sync.forget(clientId);
			}
		});
	}

	/** Files of the client's documents (every version) still on the old platform. */
	private Map<String, StoredVersion> keysOn(UUID firmId, UUID clientId, Platform platform, Map<String, String> done) {
		Map<String, StoredVersion> keys = new LinkedHashMap<>();
		this.jdbc
			.sql("select v.storage_key, v.size, v.sha256, v.name from document_version v"
					+ " join document d on d.id = v.document_id where d.firm_id = ? and d.client_id = ?"
					+ " order by v.created_at")
			.params(firmId, clientId)
			.query((rs) -> {
				String key = rs.getString("storage_key");
				if (!done.containsKey(key) && this.storage.platformOf(key) == platform) {
					keys.putIfAbsent(key,
							new StoredVersion(rs.getLong("size"), rs.getString("sha256"), rs.getString("name")));
				}
			});
		return keys;
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record StoredVersion(long size, String sha256, String name) {
	}

	record Copied(int files, long bytes) {
	}

	/** A run of {@link FolderMoves}, as far as it got. */
	public record Move(UUID id, Platform target, Instant startedAt, Instant updatedAt, @Nullable Instant finishedAt,
			int clientsTotal, int clientsDone, int filesCopied, long bytesCopied, int failures,
			@Nullable String lastError) {

		public boolean running() {
			return this.finishedAt == null;
		}

	}

}
