package app.dossier.storage.dropbox;

import java.io.IOException;
import java.time.Duration;

import com.dropbox.core.AccessErrorException;
import com.dropbox.core.BadRequestException;
import com.dropbox.core.BadResponseCodeException;
import com.dropbox.core.DbxException;
import com.dropbox.core.DbxHost;
import com.dropbox.core.DbxRequestConfig;
import com.dropbox.core.InvalidAccessTokenException;
import com.dropbox.core.NetworkIOException;
import com.dropbox.core.RetryException;
import com.dropbox.core.ServerException;
import com.dropbox.core.v2.DbxClientV2;
import com.dropbox.core.v2.auth.AuthError;
import com.dropbox.core.v2.files.DbxUserFilesRequests;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.shared.UnavailableException;
import app.dossier.storage.AccessTokens;
import app.dossier.storage.StorageRefusedException;
import app.dossier.storage.StorageRefusedException.Reason;

/**
 * Sends one request at a time to the firm's Dropbox: renews an expired token once, waits
 * as long as Dropbox asks when it is rate limiting (or briefly when it is failing) for a
 * limited number of attempts, and turns a refused connection into
 * {@link StorageRefusedException}. The SDK's own retries stay off, so there is one place
 * that decides.
 */
final class DropboxCalls {

	private static final Logger log = LoggerFactory.getLogger(DropboxCalls.class);

	/** The first pause when Dropbox fails without saying how long to wait; it doubles. */
	private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

	private static final String RECONNECT = "An administrator of the firm needs to connect Dropbox again in the "
			+ "firm's settings.";

	private final AccessTokens tokens;

	private final DbxRequestConfig config;

	private final DbxHost host;

	private final int attempts;

	private final Duration longestWait;

	DropboxCalls(AccessTokens tokens, DbxRequestConfig config, DbxHost host, int attempts, Duration longestWait) {
		this.tokens = tokens;
		this.config = config;
		this.host = host;
		this.attempts = attempts;
		this.longestWait = longestWait;
	}

	/**
	 * Sends the call, again if Dropbox asks for that.
	 * @param what what the call does, for messages: "store a file"
	 */
	<T extends @Nullable Object> T send(String what, Call<T> call) {
		String token = this.tokens.current();
		boolean renewed = false;
		int attempt = 1;
		while (true) {
			Duration pause;
			Exception failure;
			try {
				return call.send(new DbxClientV2(this.config, token, this.host).files());
			}
			catch (InvalidAccessTokenException ex) {
				AuthError error = ex.getAuthError();
				if (!renewed && error != null && error.isExpiredAccessToken()) {
					token = this.tokens.renew(token);
					renewed = true;
					continue;
				}
				throw notAuthorized(error, ex);
			}
			catch (AccessErrorException ex) {
				throw new StorageRefusedException(Reason.NOT_AUTHORIZED,
						"Dropbox does not let Dossier use this part of the firm's account (" + ex.getAccessError()
								+ "). " + RECONNECT,
						ex);
			}
			catch (RetryException ex) {
				// 429 (rate limited, with Retry-After) and 503
				failure = ex;
				pause = (ex.getBackoffMillis() > 0) ? Duration.ofMillis(ex.getBackoffMillis()) : pause(attempt);
			}
			catch (ServerException | NetworkIOException | Busy ex) {
				failure = ex;
				pause = pause(attempt);
			}
			catch (BadResponseCodeException ex) {
				if (ex.getStatusCode() < 500) {
					throw unavailable(what, ex);
				}
				failure = ex;
				pause = pause(attempt);
			}
			catch (IOException ex) {
				failure = ex;
				pause = pause(attempt);
			}
			catch (BadRequestException ex) {
				throw new IllegalStateException("Dropbox did not understand the request to " + what, ex);
			}
			catch (DbxException ex) {
				throw unavailable(what, ex);
			}
			if (attempt >= this.attempts || pause.compareTo(this.longestWait) > 0) {
				throw unavailable(what, failure);
			}
			log.info("Dropbox could not {} (attempt {} of {}: {}); trying again in {} ms", what, attempt, this.attempts,
					failure.getClass().getSimpleName(), pause.toMillis());
			sleep(pause, what, failure);
			attempt++;
		}
	}

	private Duration pause(int attempt) {
		Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempt - 1, 10));
		return (pause.compareTo(this.longestWait) > 0) ? this.longestWait : pause;
	}

	private static void sleep(Duration pause, String what, Exception failure) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(what, failure);
		}
	}

	private static UnavailableException unavailable(String what, Exception cause) {
		return new UnavailableException(
				"Dropbox is not available at the moment, so Dossier could not " + what + ". Please try again later.",
				cause);
	}

	private static StorageRefusedException notAuthorized(@Nullable AuthError error, DbxException cause) {
		String message;
		if (error != null && error.isUserSuspended()) {
			message = "Dropbox has suspended the firm's Dropbox account, so Dossier cannot reach the firm's files.";
		}
		else if (error != null && error.isMissingScope()) {
			message = "Dossier's connection to the firm's Dropbox lacks a permission it needs ("
					+ error.getMissingScopeValue().getRequiredScope() + "). " + RECONNECT;
		}
		else {
			message = "Dropbox no longer accepts Dossier's connection to the firm's Dropbox account: it was revoked "
					+ "or has expired. " + RECONNECT;
		}
		return new StorageRefusedException(Reason.NOT_AUTHORIZED, message, cause);
	}

	/** One request through Dropbox's SDK. */
	@FunctionalInterface
	interface Call<T extends @Nullable Object> {

		T send(DbxUserFilesRequests files) throws DbxException, IOException, Busy;

	}

	/**
	 * Dropbox refused for now but asks to be tried again (too many write operations at
	 * once in the account).
	 */
	static final class Busy extends Exception {

		Busy() {
			super("Dropbox reported too many write operations", null, false, false);
		}

	}

}
