package app.dossier.portal;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.EmailAddresses;
import app.dossier.shared.SecretTokens;
import app.dossier.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Security's one-time tokens, kept as their SHA-256 only: 256 random bits each,
 * single use (consuming deletes the row), valid for the requested time.
 */
@Component
class SignInTokens implements OneTimeTokenService {

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
		String token = SecretTokens.generate("");
		Instant expiresAt = this.clock.instant().plus(request.getExpiresIn());
		this.jdbc.sql("insert into portal_sign_in_token (token_hash, email, expires_at) values (?, ?, ?)")
			.params(SecretTokens.hash(token), EmailAddresses.normalize(request.getUsername()),
					Timestamps.utc(expiresAt))
			.update();
		return new DefaultOneTimeToken(token, request.getUsername(), expiresAt);
	}

	@Override
	@Transactional
	public @Nullable OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
		String value = authentication.getTokenValue();
		if (value == null || value.length() > 100) {
			return null;
		}
		String hash = SecretTokens.hash(value);
		var row = this.jdbc.sql("select email, expires_at from portal_sign_in_token where token_hash = ?")
			.param(hash)
			.query((rs, n) -> new DefaultOneTimeToken(value, rs.getString("email"),
					Timestamps.instant(rs, "expires_at")))
			.optional();
		// Deleting is what makes the token single-use, also under concurrent attempts.
		if (row.isEmpty()
				|| this.jdbc.sql("delete from portal_sign_in_token where token_hash = ?").param(hash).update() != 1) {
			return null;
		}
		return row.get().getExpiresAt().isAfter(this.clock.instant()) ? row.get() : null;
	}

	@Scheduled(initialDelay = 300_000, fixedDelay = 3_600_000)
	void removeExpired() {
		this.jdbc.sql("delete from portal_sign_in_token where expires_at < ?")
			.param(Timestamps.utc(this.clock.instant()))
			.update();
	}

}
