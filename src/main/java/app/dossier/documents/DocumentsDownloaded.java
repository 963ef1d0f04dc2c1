package app.dossier.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.dossier.identity.Actor;

/** Documents of one client downloaded together, in one archive. */
public record DocumentsDownloaded(UUID firmId, UUID clientId, List<Item> documents, Actor by, Instant occurredAt) {

	public record Item(UUID documentId, String name) {
	}

}
