package app.dossier.storage.accounts;

import java.util.Map;
import java.util.Optional;

import app.dossier.shared.PublicAddress;
import app.dossier.storage.Platform;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * The OAuth 2 clients Dossier is to Dropbox and Google. Redirects come back to the public
 * address, never to whatever Host a request named.
 */
@Component
class OAuthApps {

	private final AccountSettings settings;

	private final PublicAddress address;

	OAuthApps(AccountSettings settings, PublicAddress address) {
		this.settings = settings;
		this.address = address;
	}

	boolean configured(Platform platform) {
		return switch (platform) {
			case DROPBOX -> this.settings.dropbox().configured();
			case GOOGLE_DRIVE -> this.settings.googleDrive().configured();
			default -> false;
		};
	}

	/**
	 * The client registration for the platform, if this installation has an app for it.
	 */
	Optional<ClientRegistration> registration(Platform platform) {
		if (!configured(platform)) {
			return Optional.empty();
		}
		String redirect = this.address.baseUrl() + "/settings/storage/connected/" + platform.id();
		if (platform == Platform.DROPBOX) {
			AccountSettings.Dropbox dropbox = this.settings.dropbox();
			return Optional.of(ClientRegistration.withRegistrationId(platform.id())
				.clientId(dropbox.appKey())
				.clientSecret(dropbox.appSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(redirect)
				.scope("files.metadata.read", "files.content.read", "files.content.write")
				.authorizationUri(dropbox.authorizationUri().toString())
				.tokenUri(dropbox.tokenUri().toString())
				.clientName("Dropbox")
				.build());
		}
		AccountSettings.GoogleDrive drive = this.settings.googleDrive();
		return Optional.of(ClientRegistration.withRegistrationId(platform.id())
			.clientId(drive.clientId())
			.clientSecret(drive.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect)
			// Files people add in Drive themselves must be readable, which the narrower
			// drive.file scope does not allow.
			.scope("https://www.googleapis.com/auth/drive")
			.authorizationUri(drive.authorizationUri().toString())
			.tokenUri(drive.tokenUri().toString())
			.clientName("Google Drive")
			.build());
	}

	/**
	 * What each platform needs to hand out a refresh token, so the connection outlives
	 * the first access token.
	 */
	static Map<String, Object> offlineParameters(Platform platform) {
		return (platform == Platform.DROPBOX) ? Map.of("token_access_type", "offline")
				: Map.of("access_type", "offline", "prompt", "consent");
	}

}
