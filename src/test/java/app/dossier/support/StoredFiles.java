package app.dossier.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import app.dossier.clients.Clients;
import app.dossier.storage.FileStorage;
import app.dossier.storage.StorageFolder;
import app.dossier.storage.StoredFile;
import org.springframework.context.ApplicationContext;

/**
 * What is in a client's storage folder, read through the platform the suite runs on (the
 * disk or S3), so tests about stored files hold on both.
 */
public final class StoredFiles {

	private final FileStorage storage;

	private final Clients clients;

	public StoredFiles(ApplicationContext context) {
		this.storage = context.getBean(FileStorage.class);
		this.clients = context.getBean(Clients.class);
	}

	/**
	 * The client's folder below the firm's own:
	 * {@code [customers-folder, client-folder]}.
	 */
	public List<String> folderOf(UUID firmId, String clientId) {
		StorageFolder folder = this.clients.folderOf(firmId, UUID.fromString(clientId));
		return folder.platform().shared() ? folder.path().subList(1, folder.path().size()) : folder.path();
	}

	/** File name → content, for the files directly in the client's folder. */
	public Map<String, byte[]> of(UUID firmId, String clientId) {
		StorageFolder folder = this.clients.folderOf(firmId, UUID.fromString(clientId));
		Map<String, byte[]> files = new TreeMap<>();
		for (StoredFile file : this.storage.list(folder)) {
			try (InputStream in = this.storage.read(firmId, file.key())) {
				files.put(file.name(), in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

}
