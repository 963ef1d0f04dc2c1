package app.dossier.storage;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which platform a firm's new client folders go on: the installation's (disk or S3)
 * unless the firm chose an account of its own, and then only while that account is
 * connected.
 */
@Service
public class StoragePlatforms {

	private final JdbcClient jdbc;

	private final StorageSettings settings;

	private final Clock clock;

	StoragePlatforms(JdbcClient jdbc, StorageSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** The installation's platform, for firms without an account of their own. */
	public Platform installationPlatform() {
		return this.settings.platform();
	}

	/** The firm's choice, if it made one. */
	public Optional<Platform> chosen(UUID firmId) {
		return this.jdbc.sql("select platform from firm_storage where firm_id = ?")
			.param(firmId)
			.query(String.class)
			.optional()
			.flatMap(Platform::of);
	}

	/** Where a new client folder of the firm goes now. */
	@Transactional(readOnly = true)
	public Platform platformFor(UUID firmId) {
		return chosen(firmId).filter((platform) -> platform.shared() || connected(firmId, platform))
			.map((platform) -> platform.shared() ? installationPlatform() : platform)
			.orElseGet(this::installationPlatform);
	}

	/** Whether the firm has a working connection to its own account on the platform. */
	public boolean connected(UUID firmId, Platform platform) {
		return this.jdbc
			.sql("select count(*) from storage_account where firm_id = ? and platform = ? and status = 'CONNECTED'")
			.params(firmId, platform.id())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Records the firm's choice for new client folders; a shared platform means the
	 * installation's.
	 */
	@Transactional
	public void choose(UUID firmId, Platform platform) {
		String id = platform.shared() ? installationPlatform().id() : platform.id();
		int updated = this.jdbc.sql("update firm_storage set platform = ?, changed_at = ? where firm_id = ?")
			.params(id, app.dossier.shared.Timestamps.utc(this.clock.instant()), firmId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into firm_storage (firm_id, platform, changed_at) values (?, ?, ?)")
				.params(firmId, id, app.dossier.shared.Timestamps.utc(this.clock.instant()))
				.update();
		}
	}

}
