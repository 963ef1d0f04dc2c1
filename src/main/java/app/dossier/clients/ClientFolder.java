package app.dossier.clients;

import java.util.List;

/** Where a client's files live: {@code [firm-slug, customers-root, client-folder]}. */
public record ClientFolder(List<String> path) {

	public ClientFolder {
		path = List.copyOf(path);
	}

}
