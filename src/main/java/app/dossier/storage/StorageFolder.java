package app.dossier.storage;

import java.util.List;
import java.util.UUID;

/**
 * A folder on a firm's storage platform, such as a client's folder.
 *
 * @param path already safe folder names from the platform's top level
 */
public record StorageFolder(UUID firmId, Platform platform, List<String> path) {

	public StorageFolder {
		path = List.copyOf(path);
	}

}
