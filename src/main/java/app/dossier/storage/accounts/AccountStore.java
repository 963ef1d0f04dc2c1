package app.dossier.storage.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.ServerKey;
import app.dossier.shared.Timestamps;
import app.dossier.storage.Platform;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Firms' storage accounts; tokens are sealed with the server key before they are stored.
 */
@Repository
class AccountStore {

	private final JdbcClient jdbc;

	private final ServerKey key;

	AccountStore(JdbcClient jdbc, ServerKey key) {
		this.jdbc = jdbc;
		this.key = key;
	}

	/** Stores a new connection, replacing an earlier one to the same platform. */
	void save(Account account) {
		this.jdbc.sql("delete from storage_account where firm_id = ? and platform = ?")
			.params(account.firmId(), account.platform().id())
			.update();
		this.jdbc
			.sql("insert into storage_account (firm_id, platform, account_name, access_token, refresh_token,"
					+ " expires_at, status, connected_by, connected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(account.firmId(), account.platform().id(), account.accountName(),
					this.key.seal(account.accessToken()), seal(account.refreshToken()),
					Timestamps.utc(account.expiresAt()), account.status().name(), account.connectedBy(),
					Timestamps.utc(account.connectedAt()))
			.update();
	}

	void tokens(UUID firmId, Platform platform, String access, @Nullable String refresh, @Nullable Instant expiresAt) {
		this.jdbc
			.sql("update storage_account set access_token = ?, refresh_token = coalesce(?, refresh_token),"
					+ " expires_at = ? where firm_id = ? and platform = ?")
			.params(this.key.seal(access), seal(refresh), Timestamps.utc(expiresAt), firmId, platform.id())
			.update();
	}

	/** True if this call changed a working connection into a lost one. */
	boolean revoked(UUID firmId, Platform platform) {
		return this.jdbc
			.sql("update storage_account set status = 'REVOKED' where firm_id = ? and platform = ?"
					+ " and status = 'CONNECTED'")
			.params(firmId, platform.id())
			.update() == 1;
	}

	void delete(UUID firmId, Platform platform) {
		this.jdbc.sql("delete from storage_account where firm_id = ? and platform = ?")
			.params(firmId, platform.id())
			.update();
	}

	Optional<Account> find(UUID firmId, Platform platform) {
		return this.jdbc.sql("select * from storage_account where firm_id = ? and platform = ?")
			.params(firmId, platform.id())
			.query(this::map)
			.optional();
	}

	List<Account> ofFirm(UUID firmId) {
		return this.jdbc.sql("select * from storage_account where firm_id = ? order by platform")
			.param(firmId)
			.query(this::map)
			.list();
	}

	private @Nullable String seal(@Nullable String plain) {
		return (plain != null) ? this.key.seal(plain) : null;
	}

	private Account map(ResultSet rs, int row) throws SQLException {
		String refresh = rs.getString("refresh_token");
		return new Account(rs.getObject("firm_id", UUID.class), Platform.of(rs.getString("platform")).orElseThrow(),
				rs.getString("account_name"), this.key.open(rs.getString("access_token")),
				(refresh != null) ? this.key.open(refresh) : null, Timestamps.nullableInstant(rs, "expires_at"),
				Account.Status.valueOf(rs.getString("status")), rs.getObject("connected_by", UUID.class),
				Timestamps.instant(rs, "connected_at"));
	}

}
