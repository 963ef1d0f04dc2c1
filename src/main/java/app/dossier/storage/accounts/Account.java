package app.dossier.storage.accounts;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.storage.Platform;

/** A firm's own storage account, with its tokens in the clear (held in memory only). */
record Account(UUID firmId, Platform platform, @Nullable String accountName, String accessToken,
		@Nullable String refreshToken, @Nullable Instant expiresAt, Status status, @Nullable UUID connectedBy,
		Instant connectedAt) {

	enum Status {

		CONNECTED, REVOKED

	}

	Account withTokens(String access, @Nullable String refresh, @Nullable Instant expires) {
		return new Account(this.firmId, this.platform, this.accountName, access,
				(refresh != null) ? refresh : this.refreshToken, expires, this.status, this.connectedBy,
				this.connectedAt);
	}

}
