package app.dossier.storage.drive;

import java.time.Duration;

/**
 * How {@link DriveStorage} talks to Google Drive.
 *
 * @param rootUrl where the Google APIs answer ({@value #GOOGLE_APIS}; tests point this at
 * a local stand-in)
 * @param chunkSize bytes per request of a resumable upload, a multiple of 256 KiB as
 * Drive requires; files up to this size go in one request. It is also the memory one
 * upload holds.
 * @param tries attempts at one request when Drive is busy or failing (rate limits, 5xx,
 * network errors) before giving up
 * @param firstWait the wait before the second attempt; it doubles with each further one
 * @param maxWait the longest single wait, also for a {@code Retry-After} Drive asks for
 */
public record DriveSettings(String rootUrl, int chunkSize, int tries, Duration firstWait, Duration maxWait) {

	public static final String GOOGLE_APIS = "https://www.googleapis.com/";

	/** Drive accepts resumable upload chunks only in multiples of this. */
	public static final int CHUNK_GRANULARITY = 256 * 1024;

	public static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

	public DriveSettings {
		if (!rootUrl.startsWith("https://") && !rootUrl.startsWith("http://")) {
			throw new IllegalArgumentException("The Drive root URL must be an http(s) URL");
		}
		rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
		if (chunkSize <= 0 || chunkSize % CHUNK_GRANULARITY != 0) {
			throw new IllegalArgumentException("The Drive upload chunk size must be a positive multiple of 256 KiB");
		}
		if (tries < 1) {
			throw new IllegalArgumentException("Drive requests need at least one try");
		}
		if (firstWait.isNegative() || maxWait.isNegative()) {
			throw new IllegalArgumentException("Waits between Drive requests cannot be negative");
		}
	}

	/**
	 * Google's API host, 8 MiB chunks, three tries, waits from one second up to thirty.
	 */
	public static DriveSettings defaults() {
		return new DriveSettings(GOOGLE_APIS, DEFAULT_CHUNK_SIZE, 3, Duration.ofSeconds(1), Duration.ofSeconds(30));
	}

	public DriveSettings withRootUrl(String rootUrl) {
		return new DriveSettings(rootUrl, this.chunkSize, this.tries, this.firstWait, this.maxWait);
	}

	public DriveSettings withChunkSize(int chunkSize) {
		return new DriveSettings(this.rootUrl, chunkSize, this.tries, this.firstWait, this.maxWait);
	}

	public DriveSettings withRetries(int tries, Duration firstWait, Duration maxWait) {
		return new DriveSettings(this.rootUrl, this.chunkSize, tries, firstWait, maxWait);
	}

}
