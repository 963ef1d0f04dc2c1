package app.dossier.documents;

import java.util.Set;
import java.util.UUID;

/**
 * Which of a client's documents one contact sees, in terms this module can query by: the
 * documents the contact uploaded, and, when visible to the client, those in
 * {@code folders} (the folders shared with the contact and the folders inside them) and
 * those in {@code documents} (shared one by one). Only documents available to customers
 * count. The sharing module works the sets out from its shares; the lists are then made
 * by the database a page at a time, so a client of tens of thousands of documents is
 * never read whole to answer one page or one download.
 */
public record CustomerView(UUID firmId, UUID clientId, UUID contactId, Set<UUID> folders, Set<UUID> documents) {

	public CustomerView {
		folders = Set.copyOf(folders);
		documents = Set.copyOf(documents);
	}

	/** The same test as the queries make, for one document already at hand. */
	public boolean sees(Document document) {
		return document.firmId().equals(this.firmId) && document.clientId().equals(this.clientId)
				&& document.availableToCustomers()
				&& (this.contactId.equals(document.uploadedByContact())
						|| (document.visibleToClient() && (this.documents.contains(document.id())
								|| (document.folderId() != null && this.folders.contains(document.folderId())))));
	}

}
