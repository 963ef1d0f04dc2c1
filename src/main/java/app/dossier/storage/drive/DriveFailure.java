package app.dossier.storage.drive;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonErrorContainer;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.json.gson.GsonFactory;
import org.jspecify.annotations.Nullable;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.UnavailableException;
import app.dossier.storage.StorageRefusedException;
import app.dossier.storage.StorageRefusedException.Reason;

/**
 * What a failed Drive request means: Google answers errors as
 * {@code {"error":{"code","message","errors":[{"reason"}]}}}, and the reason tells a rate
 * limit (worth waiting for) from a full account or a missing permission (not).
 *
 * @param status the HTTP status, or 0 when no answer came (connection refused, timeout)
 * @param reason the first of Google's error reasons, if any
 * @param retryAfter how long Drive asked us to wait, if it did
 */
record DriveFailure(int status, @Nullable String reason, @Nullable Duration retryAfter, IOException cause) {

	static final String NOT_AUTHORIZED = "Google Drive no longer accepts Dossier's connection to the firm's Drive. "
			+ "A firm administrator needs to reconnect Google Drive in the firm's settings.";

	private static final Set<String> RATE_LIMITS = Set.of("userRateLimitExceeded", "rateLimitExceeded");

	private static final Set<String> FULL = Set.of("storageQuotaExceeded", "quotaExceeded",
			"numChildrenInNonRootLimitExceeded", "teamDriveFileLimitExceeded");

	private static final Set<String> FORBIDDEN = Set.of("insufficientPermissions", "insufficientFilePermissions",
			"appNotAuthorizedToFile", "authError", "domainPolicy", "forbidden");

	static DriveFailure of(IOException ex) {
		if (!(ex instanceof HttpResponseException response)) {
			return new DriveFailure(0, null, null, ex);
		}
		GoogleJsonError details = (ex instanceof GoogleJsonResponseException json) ? json.getDetails()
				: parse(response.getContent());
		String reason = null;
		if (details != null) {
			List<GoogleJsonError.ErrorInfo> errors = details.getErrors();
			reason = (errors != null && !errors.isEmpty()) ? errors.get(0).getReason() : null;
		}
		String retryAfter = response.getHeaders().getFirstHeaderStringValue("Retry-After");
		return new DriveFailure(response.getStatusCode(), reason, retryAfter(retryAfter), ex);
	}

	/** Drive was busy or failing: waiting and trying again may help. */
	boolean isTransient() {
		return this.status == 0 || this.status == 408 || this.status == 429 || this.status >= 500
				|| (this.status == 403 && this.reason != null && RATE_LIMITS.contains(this.reason));
	}

	/** The token was refused: a fresh one may help, once. */
	boolean isUnauthorized() {
		return this.status == 401;
	}

	/**
	 * The exception a caller of the backend sees for this failure, when no retry helps.
	 */
	RuntimeException toException(String action) {
		if (this.status == 404 || this.status == 410) {
			return new NotFoundException("The Google Drive file");
		}
		if (this.status == 401) {
			return new StorageRefusedException(Reason.NOT_AUTHORIZED, NOT_AUTHORIZED, this.cause);
		}
		if (this.status == 403 && this.reason != null && FULL.contains(this.reason)) {
			return new StorageRefusedException(Reason.FULL,
					"The firm's Google Drive is full. Free up space in Drive or add storage to the Google account.",
					this.cause);
		}
		if (this.status == 403 && this.reason != null && FORBIDDEN.contains(this.reason)) {
			return new StorageRefusedException(Reason.NOT_AUTHORIZED, "Google Drive does not let Dossier " + action
					+ " (" + this.reason + "). "
					+ "A firm administrator needs to reconnect Google Drive and grant Dossier access to the Drive.",
					this.cause);
		}
		if (isTransient()) {
			return new UnavailableException("Google Drive is busy or cannot be reached, so Dossier could not " + action
					+ ". Nothing was changed; please try again later.", this.cause);
		}
		return new UnavailableException("Google Drive refused to " + action + " (HTTP " + this.status
				+ ((this.reason != null) ? ", " + this.reason : "") + "). Nothing was changed.", this.cause);
	}

	private static @Nullable GoogleJsonError parse(@Nullable String content) {
		if (content == null || content.isBlank()) {
			return null;
		}
		try {
			return GsonFactory.getDefaultInstance().fromString(content, GoogleJsonErrorContainer.class).getError();
		}
		catch (IOException | IllegalArgumentException notJson) {
			return null;
		}
	}

	/** Retry-After is either seconds or an HTTP date. */
	static @Nullable Duration retryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
