package app.dossier.storage;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A file as a storage platform describes it.
 *
 * @param key what finds the file again on its platform
 * @param name its name as the platform shows it
 * @param size its length in bytes
 * @param modified when its content last changed, as the platform records it
 * @param version a value that changes whenever the content does (an ETag, a Dropbox
 * revision, a Drive version, a disk's size and time)
 * @param sha256 the SHA-256 of the content (lower-case hex) if the platform knows it
 * without a download; otherwise null
 */
public record StoredFile(String key, String name, long size, Instant modified, String version,
		@Nullable String sha256) {
}
