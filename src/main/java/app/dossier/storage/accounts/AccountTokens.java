package app.dossier.storage.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.dossier.storage.AccessTokens;
import app.dossier.storage.StorageRefusedException;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * A firm account's tokens, renewed with its refresh token shortly before they expire or
 * when the platform refuses one. Renewal that the platform refuses means the connection
 * is gone: the account is marked so and the caller is told.
 */
final class AccountTokens implements AccessTokens {

	private static final Duration EARLY = Duration.ofMinutes(1);

	private final ClientRegistration registration;

	private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> client;

	private final Listener listener;

	private final Clock clock;

	private Account account;

	AccountTokens(Account account, ClientRegistration registration,
			OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> client, Listener listener, Clock clock) {
		this.account = account;
		this.registration = registration;
		this.client = client;
		this.listener = listener;
		this.clock = clock;
	}

	@Override
	public synchronized String current() {
		Instant expires = this.account.expiresAt();
		if (expires != null && this.account.refreshToken() != null
				&& this.clock.instant().plus(EARLY).isAfter(expires)) {
			return refresh();
		}
		return this.account.accessToken();
	}

	@Override
	public synchronized String renew(String refused) {
		if (!refused.equals(this.account.accessToken())) {
			// Another call renewed it meanwhile.
			return this.account.accessToken();
		}
		return refresh();
	}

	private String refresh() {
		String refreshToken = this.account.refreshToken();
		if (refreshToken == null) {
			throw lost("the platform gave no refresh token, and the access token expired");
		}
		Instant now = this.clock.instant();
		OAuth2AccessToken expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				this.account.accessToken(), now.minusSeconds(2), now.minusSeconds(1));
		OAuth2AccessTokenResponse response;
		try {
			response = this.client.getTokenResponse(new OAuth2RefreshTokenGrantRequest(this.registration, expired,
					new OAuth2RefreshToken(refreshToken, null)));
		}
		catch (OAuth2AuthorizationException ex) {
			if ("invalid_grant".equals(ex.getError().getErrorCode())
					|| "invalid_client".equals(ex.getError().getErrorCode())) {
				throw lost("the platform refused to renew Dossier's access (" + ex.getError().getErrorCode() + ")");
			}
			throw new app.dossier.shared.UnavailableException(
					this.account.platform().label() + " could not renew Dossier's access just now. Please try again.",
					ex);
		}
		OAuth2RefreshToken renewedRefresh = response.getRefreshToken();
		String refresh = (renewedRefresh != null) ? renewedRefresh.getTokenValue() : null;
		this.account = this.account.withTokens(response.getAccessToken().getTokenValue(), refresh,
				response.getAccessToken().getExpiresAt());
		this.listener.renewed(this.account);
		return this.account.accessToken();
	}

	private StorageRefusedException lost(String reason) {
		this.listener.lost(this.account, reason);
		return new StorageRefusedException(StorageRefusedException.Reason.NOT_AUTHORIZED,
				"Dossier's connection to the firm's " + this.account.platform().label()
						+ " no longer works; an administrator must connect it again under Settings → Storage."
						+ " Nothing was lost.");
	}

	/** Where renewed tokens and lost connections are recorded. */
	interface Listener {

		void renewed(Account account);

		void lost(Account account, @Nullable String reason);

	}

}
