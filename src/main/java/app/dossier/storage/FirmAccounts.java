package app.dossier.storage;

import java.util.UUID;

/** The storage accounts firms have connected (their own Dropbox or Google Drive). */
public interface FirmAccounts {

	/**
	 * The backend for the firm's own account on the platform.
	 * @throws StorageRefusedException with {@code NOT_AUTHORIZED} when the firm has no
	 * working connection to it
	 */
	StorageBackend backend(UUID firmId, Platform platform);

}
