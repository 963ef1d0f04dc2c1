package app.dossier.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;

/**
 * Markers for platforms without a change feed: a digest of what a folder's listing says,
 * so "nothing changed" is one listing and one comparison.
 */
public final class Listings {

	private Listings() {
	}

	public static String marker(List<StoredFile> files) {
		MessageDigest digest = Checksums.sha256();
		files.stream().sorted(Comparator.comparing(StoredFile::key)).forEach((file) -> {
			digest.update(
					(file.key() + '\0' + file.version() + '\0' + file.size() + '\n').getBytes(StandardCharsets.UTF_8));
		});
		return "listing:" + Checksums.hex(digest);
	}

}
