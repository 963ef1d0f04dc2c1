package app.dossier.storage.accounts;

import com.dropbox.core.http.HttpRequestor;

import app.dossier.shared.UnavailableException;
import app.dossier.storage.AccessTokens;
import app.dossier.storage.Platform;
import app.dossier.storage.StorageBackend;
import app.dossier.storage.dropbox.DropboxEndpoints;
import app.dossier.storage.dropbox.DropboxSettings;
import app.dossier.storage.dropbox.DropboxStorage;
import app.dossier.storage.drive.DriveSettings;
import app.dossier.storage.drive.DriveStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the backend for a firm's own account on a platform. An {@link HttpRequestor}
 * bean, if there is one, carries Dropbox's requests (a proxy, or a local stand-in in
 * tests); otherwise the SDK's own HTTPS client does.
 */
@Component
class AccountBackends {

	private final AccountSettings settings;

	private final DropboxSettings dropbox;

	private final ObjectProvider<HttpRequestor> dropboxRequestor;

	AccountBackends(AccountSettings settings, DropboxSettings dropbox, ObjectProvider<HttpRequestor> dropboxRequestor) {
		this.settings = settings;
		this.dropbox = dropbox;
		this.dropboxRequestor = dropboxRequestor;
	}

	StorageBackend create(Platform platform, AccessTokens tokens) {
		return switch (platform) {
			case DROPBOX -> dropbox(tokens);
			case GOOGLE_DRIVE -> new DriveStorage(tokens,
					DriveSettings.defaults().withRootUrl(this.settings.googleDrive().apiUri().toString()));
			default -> throw new UnavailableException(platform.label() + " is not a firm's own account.", null);
		};
	}

	private StorageBackend dropbox(AccessTokens tokens) {
		DropboxEndpoints endpoints = DropboxEndpoints.of(this.settings.dropbox().apiUri(),
				this.settings.dropbox().contentUri());
		HttpRequestor requestor = this.dropboxRequestor.getIfAvailable();
		return (requestor != null) ? new DropboxStorage(tokens, endpoints, this.dropbox, requestor)
				: new DropboxStorage(tokens, endpoints, this.dropbox);
	}

}
