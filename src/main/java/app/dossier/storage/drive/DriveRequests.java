package app.dossier.storage.drive;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonObjectParser;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.shared.UnavailableException;
import app.dossier.storage.AccessTokens;
import app.dossier.storage.StorageRefusedException;
import app.dossier.storage.StorageRefusedException.Reason;

/**
 * Sends requests to Drive as the firm: every request carries the firm's current token; a
 * refused token is renewed once; busy or failing answers are waited out a few times; what
 * is left becomes the exception the storage contract names.
 */
final class DriveRequests {

	private static final Logger log = LoggerFactory.getLogger(DriveRequests.class);

	private static final int CONNECT_TIMEOUT_MILLIS = 20_000;

	private static final int READ_TIMEOUT_MILLIS = 60_000;

	private final AccessTokens tokens;

	private final DriveSettings settings;

	private final HttpRequestFactory requestFactory;

	private final Drive drive;

	// The token a renewal handed out, for as long as current() still answers the refused
	// one: the connection may store the fresh token a moment later than it returns it.
	private volatile @Nullable Renewal renewal;

	DriveRequests(AccessTokens tokens, DriveSettings settings) {
		this.tokens = tokens;
		this.settings = settings;
		HttpTransport transport = new NetHttpTransport();
		this.requestFactory = transport.createRequestFactory(this::initialize);
		this.drive = new Drive.Builder(transport, GsonFactory.getDefaultInstance(), this::initialize)
			.setRootUrl(settings.rootUrl())
			.setApplicationName("Dossier")
			.build();
	}

	Drive drive() {
		return this.drive;
	}

	/** For requests the Drive client has no method for (resumable upload chunks). */
	HttpRequestFactory requestFactory() {
		return this.requestFactory;
	}

	DriveSettings settings() {
		return this.settings;
	}

	private void initialize(HttpRequest request) {
		request.getHeaders().setAuthorization("Bearer " + token());
		request.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
		request.setReadTimeout(READ_TIMEOUT_MILLIS);
		request.setParser(new JsonObjectParser(GsonFactory.getDefaultInstance()));
	}

	private String token() {
		String current = this.tokens.current();
		Renewal renewed = this.renewal;
		return (renewed != null && renewed.refused().equals(current)) ? renewed.fresh() : current;
	}

	/**
	 * Runs one Drive request (or a short sequence meant to be repeated as a whole) until
	 * it succeeds or the failure is final.
	 * @param action what Dossier was doing, for messages ("list the folder")
	 */
	<T> T run(String action, Call<T> call) {
		Attempts attempts = attempts(action);
		while (true) {
			try {
				return call.call();
			}
			catch (IOException ex) {
				attempts.failed(ex);
			}
		}
	}

	Attempts attempts(String action) {
		return new Attempts(action);
	}

	@FunctionalInterface
	interface Call<T> {

		T call() throws IOException;

	}

	/** The tries at one request: how many failed, whether the token was renewed. */
	final class Attempts {

		private final String action;

		private int failures;

		private boolean renewed;

		private Attempts(String action) {
			this.action = action;
		}

		/**
		 * Returns when trying again may help, after renewing the token or waiting; throws
		 * what the caller should see otherwise.
		 */
		void failed(IOException ex) {
			DriveFailure failure = DriveFailure.of(ex);
			if (failure.isUnauthorized()) {
				if (this.renewed) {
					throw new StorageRefusedException(Reason.NOT_AUTHORIZED, DriveFailure.NOT_AUTHORIZED, ex);
				}
				this.renewed = true;
				renew();
				return;
			}
			if (!failure.isTransient()) {
				throw failure.toException(this.action);
			}
			this.failures++;
			if (this.failures >= DriveRequests.this.settings.tries()) {
				log.warn("Google Drive kept failing ({} tries) to {}: {}", this.failures, this.action,
						describe(failure));
				throw failure.toException(this.action);
			}
			Duration wait = waitBefore(this.failures, failure.retryAfter());
			log.info("Google Drive failed to {} ({}); trying again in {} ms", this.action, describe(failure),
					wait.toMillis());
			sleep(wait);
		}

		/**
		 * The request made progress (an upload chunk went through): failures start anew.
		 */
		void progressed() {
			this.failures = 0;
		}

	}

	private void renew() {
		String refused = token();
		String fresh = this.tokens.renew(refused);
		this.renewal = new Renewal(refused, fresh);
	}

	private Duration waitBefore(int failures, @Nullable Duration retryAfter) {
		Duration max = this.settings.maxWait();
		if (retryAfter != null) {
			return (retryAfter.compareTo(max) > 0) ? max : retryAfter;
		}
		long first = this.settings.firstWait().toMillis();
		long backoff = Math.min(max.toMillis(), first << Math.min(failures - 1, 20));
		// Half fixed, half random, so that many waiting requests do not return together.
		long jitter = (backoff > 1) ? ThreadLocalRandom.current().nextLong(backoff / 2 + 1) : 0;
		return Duration.ofMillis(backoff - backoff / 2 + jitter);
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnavailableException("Interrupted while waiting for Google Drive", ex);
		}
	}

	private static String describe(DriveFailure failure) {
		if (failure.status() == 0) {
			return failure.cause().getClass().getSimpleName();
		}
		return "HTTP " + failure.status() + ((failure.reason() != null) ? " " + failure.reason() : "");
	}

	private record Renewal(String refused, String fresh) {
	}

}
