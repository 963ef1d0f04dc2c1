package app.dossier.storage.accounts;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.storage.AccessTokens;
import app.dossier.storage.FirmAccounts;
import app.dossier.storage.FolderChanges;
import app.dossier.storage.Platform;
import app.dossier.storage.StorageBackend;
import app.dossier.storage.StorageConnectionLost;
import app.dossier.storage.StorageRefusedException;
import app.dossier.storage.StoredFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * The backends of firms' own accounts, one per firm and platform, kept while the
 * connection lasts. A backend that finds its authorisation revoked marks the account lost
 * and tells the firm's administrators (once), and every call after that is refused with a
 * clear reason until the account is connected again.
 */
@Service
class ConnectedAccounts implements FirmAccounts {

	private static final Logger log = LoggerFactory.getLogger(ConnectedAccounts.class);

	private final AccountStore store;

	private final OAuthApps apps;

	private final AccountBackends backends;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	// Made on first use: building its HTTP client took a quarter of a second of start-up.
	private final SingletonSupplier<RestClientRefreshTokenTokenResponseClient> refresher = SingletonSupplier
		.of(RestClientRefreshTokenTokenResponseClient::new);

	private final Map<String, StorageBackend> open = new ConcurrentHashMap<>();

	ConnectedAccounts(AccountStore store, OAuthApps apps, AccountBackends backends, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
		this.apps = apps;
		this.backends = backends;
		this.events = events;
		this.clock = clock;
		// Separately: a lost connection found during an upload must stay recorded when
		// the
		// upload's own transaction rolls back.
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public StorageBackend backend(UUID firmId, Platform platform) {
		return this.open.computeIfAbsent(firmId + "/" + platform.id(), (key) -> create(firmId, platform));
	}

	/** Forgets the firm's backend, after the account was connected again or removed. */
	void forget(UUID firmId, Platform platform) {
		this.open.remove(firmId + "/" + platform.id());
	}

	private StorageBackend create(UUID firmId, Platform platform) {
		Account account = this.store.find(firmId, platform)
			.filter((a) -> a.status() == Account.Status.CONNECTED)
			.orElseThrow(() -> notConnected(platform));
		ClientRegistration registration = this.apps.registration(platform)
			.orElseThrow(() -> new StorageRefusedException(StorageRefusedException.Reason.NOT_AUTHORIZED,
					platform.label() + " is not set up on this server any more; ask whoever runs it."));
		AccessTokens tokens = new AccountTokens(account, registration, this.refresher.obtain(),
				new AccountTokens.Listener() {
					@Override
					public void renewed(Account renewed) {
						ConnectedAccounts.this.transaction
							.executeWithoutResult((status) -> ConnectedAccounts.this.store.tokens(firmId, platform,
									renewed.accessToken(), renewed.refreshToken(), renewed.expiresAt()));
					}

					@Override
					public void lost(Account lost, @Nullable String reason) {
						ConnectedAccounts.this.lost(firmId, platform, (reason != null) ? reason : "access refused");
					}
				}, this.clock);
		return new Guarded(firmId, platform, this.backends.create(platform, tokens));
	}

	private void lost(UUID firmId, Platform platform, String reason) {
		forget(firmId, platform);
		this.transaction.executeWithoutResult((status) -> {
			if (this.store.revoked(firmId, platform)) {
				log.warn("The {} connection of firm {} stopped working: {}", platform.id(), firmId, reason);
				this.events.publishEvent(new StorageConnectionLost(firmId, platform, reason, this.clock.instant()));
			}
		});
	}

	private static StorageRefusedException notConnected(Platform platform) {
		return new StorageRefusedException(StorageRefusedException.Reason.NOT_AUTHORIZED,
				"The firm's " + platform.label() + " is not connected; an administrator can connect it under"
						+ " Settings → Storage. Nothing was lost.");
	}

	/** Notices a revoked authorisation whichever call meets it first. */
	private final class Guarded implements StorageBackend {

		private final UUID firmId;

		private final Platform platform;

		private final StorageBackend backend;

		Guarded(UUID firmId, Platform platform, StorageBackend backend) {
			this.firmId = firmId;
			this.platform = platform;
			this.backend = backend;
		}

		private <T> T call(Supplier<T> action) {
			try {
				return action.get();
			}
			catch (StorageRefusedException ex) {
				if (ex.reason() == StorageRefusedException.Reason.NOT_AUTHORIZED) {
					lost(this.firmId, this.platform, Optional.ofNullable(ex.getMessage()).orElse("access refused"));
				}
				throw ex;
			}
		}

		@Override
		public StoredFile put(List<String> folder, String fileName, Content content) {
			return call(() -> this.backend.put(folder, fileName, content));
		}

		@Override
		public InputStream get(String key, long offset, long length) {
			return call(() -> this.backend.get(key, offset, length));
		}

		@Override
		public void delete(String key) {
			call(() -> {
				this.backend.delete(key);
				return null;
			});
		}

		@Override
		public StoredFile move(String key, List<String> folder, String fileName) {
			return call(() -> this.backend.move(key, folder, fileName));
		}

		@Override
		public List<StoredFile> list(List<String> folder) {
			return call(() -> this.backend.list(folder));
		}

		@Override
		public Optional<StoredFile> stat(String key) {
			return call(() -> this.backend.stat(key));
		}

		@Override
		public void ensureFolder(List<String> folder) {
			call(() -> {
				this.backend.ensureFolder(folder);
				return null;
			});
		}

		@Override
		public FolderChanges changes(List<String> folder, @Nullable String marker) {
			return call(() -> this.backend.changes(folder, marker));
		}

	}

}
