package app.dossier.storage.accounts;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dossier.storage.dropbox.*} and {@code dossier.storage.google-drive.*}: the OAuth
 * apps this installation registered with Dropbox and Google. A platform without an app is
 * not offered to firms. The addresses default to the platforms' own and exist so tests
 * can point at a local stand-in.
 */
@ConfigurationProperties("dossier.storage")
record AccountSettings(@DefaultValue Dropbox dropbox, @DefaultValue GoogleDrive googleDrive) {

	/**
	 * @param appKey the app key from the Dropbox App Console
	 * @param appSecret its secret
	 */
	record Dropbox(@Nullable String appKey, @Nullable String appSecret,
			@DefaultValue("https://www.dropbox.com/oauth2/authorize") URI authorizationUri,
			@DefaultValue("https://api.dropboxapi.com/oauth2/token") URI tokenUri,
			@DefaultValue("https://api.dropboxapi.com") URI apiUri,
			@DefaultValue("https://content.dropboxapi.com") URI contentUri) {

		boolean configured() {
			return this.appKey != null && !this.appKey.isBlank() && this.appSecret != null && !this.appSecret.isBlank();
		}

	}

	/**
	 * @param clientId the OAuth client id from the Google Cloud console
	 * @param clientSecret its secret
	 */
	record GoogleDrive(@Nullable String clientId, @Nullable String clientSecret,
			@DefaultValue("https://accounts.google.com/o/oauth2/v2/auth") URI authorizationUri,
			@DefaultValue("https://oauth2.googleapis.com/token") URI tokenUri,
			@DefaultValue("https://www.googleapis.com/") URI apiUri) {

		boolean configured() {
			return this.clientId != null && !this.clientId.isBlank() && this.clientSecret != null
					&& !this.clientSecret.isBlank();
		}

	}

}
