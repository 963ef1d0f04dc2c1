package app.dossier.storage.drive;

import org.jspecify.annotations.Nullable;

/**
 * The marker {@link DriveStorage#changes} hands out: the folder it was for, Drive's page
 * token in its change feed, and the snapshot of the folder's files at that point.
 */
record ChangeMarker(String folderId, String pageToken, String snapshot) {

	private static final String PREFIX = "drive1:";

	static @Nullable ChangeMarker parse(@Nullable String marker) {
		if (marker == null || !marker.startsWith(PREFIX)) {
			return null;
		}
		String rest = marker.substring(PREFIX.length());
		int first = rest.indexOf(':');
		int last = rest.lastIndexOf(':');
		if (first <= 0 || last <= first + 1 || last == rest.length() - 1) {
			return null;
		}
		return new ChangeMarker(rest.substring(0, first), rest.substring(first + 1, last), rest.substring(last + 1));
	}

	@Override
	public String toString() {
		return PREFIX + this.folderId + ":" + this.pageToken + ":" + this.snapshot;
	}

}
