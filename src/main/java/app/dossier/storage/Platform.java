package app.dossier.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The places a firm's files can live. */
public enum Platform {

	/** A disk of the server Dossier runs on. */
	DISK("disk", "This server's disk", "disk", true),

	/** The S3-compatible bucket the installation is configured with. */
	S3("s3", "Object storage (S3)", "S3", true),

	/** The firm's own Dropbox account. */
	DROPBOX("dropbox", "Dropbox", "Dropbox", false),

	/** The firm's own Google Drive. */
	GOOGLE_DRIVE("google-drive", "Google Drive", "Google Drive", false);

	private final String id;

	private final String label;

	private final String shortName;

	private final boolean shared;

	Platform(String id, String label, String shortName, boolean shared) {
		this.id = id;
		this.label = label;
		this.shortName = shortName;
		this.shared = shared;
	}

	/** How it is written in settings, the database and storage keys. */
	public String id() {
		return this.id;
	}

	public String label() {
		return this.label;
	}

	/** As it reads inside a sentence or brackets: "disk", "S3", "Dropbox". */
	public String shortName() {
		return this.shortName;
	}

	/**
	 * Whether the installation provides it for every firm (files under the firm's own
	 * folder) rather than the firm connecting an account of its own.
	 */
	public boolean shared() {
		return this.shared;
	}

	public static Optional<Platform> of(String id) {
		return Arrays.stream(values()).filter((p) -> p.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
	}

}
