package app.dossier.storage.dropbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code dossier.storage.dropbox.*}: how Dossier transfers files to and from Dropbox, the
 * same for every firm. (The OAuth app and Dropbox's addresses are configured under the
 * same prefix, with the storage accounts.)
 *
 * @param chunkSize files larger than this go up in an upload session, one chunk per
 * request; it is also the memory each upload holds at once
 * @param attempts how often one request is tried when Dropbox is rate limiting or
 * failing, before Dossier gives up for now
 * @param longestWait the longest pause between two attempts; Dropbox asking for a longer
 * one is treated as unavailable rather than waited for
 */
@ConfigurationProperties("dossier.storage.dropbox")
public record DropboxSettings(@DefaultValue("8MB") DataSize chunkSize, @DefaultValue("3") int attempts,
		@DefaultValue("30s") Duration longestWait) {

	/** Dropbox refuses more than 150 MiB in one request. */
	private static final DataSize LARGEST_CHUNK = DataSize.ofMegabytes(150);

	public DropboxSettings {
		if (chunkSize.toBytes() < 1 || chunkSize.compareTo(LARGEST_CHUNK) > 0) {
			throw new IllegalArgumentException("dossier.storage.dropbox.chunk-size must be between 1 byte and 150MB");
		}
		if (attempts < 1) {
			throw new IllegalArgumentException("dossier.storage.dropbox.attempts must be at least 1");
		}
		if (longestWait.isNegative()) {
			throw new IllegalArgumentException("dossier.storage.dropbox.longest-wait must not be negative");
		}
	}

	/** 8 MB chunks, three attempts, pauses of at most 30 seconds. */
	public static DropboxSettings defaults() {
		return new DropboxSettings(DataSize.ofMegabytes(8), 3, Duration.ofSeconds(30));
	}

}
