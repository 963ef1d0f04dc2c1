package app.dossier.storage.accounts;

import app.dossier.shared.UnavailableException;
import app.dossier.storage.AccessTokens;
import app.dossier.storage.Platform;
import app.dossier.storage.StorageBackend;
import org.springframework.stereotype.Component;

/** Builds the backend for a firm's own account on a platform. */
@Component
class AccountBackends {

	private final AccountSettings settings;

	AccountBackends(AccountSettings settings) {
		this.settings = settings;
	}

	StorageBackend create(Platform platform, AccessTokens tokens) {
		throw new UnavailableException(platform.label() + " is not available yet.", null);
	}

}
