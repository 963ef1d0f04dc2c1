package app.dossier.documents;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import app.dossier.clients.DocumentCounts;
import org.springframework.stereotype.Component;

@Component
class DocumentCountsAdapter implements DocumentCounts {

	private final DocumentStore store;

	DocumentCountsAdapter(DocumentStore store) {
		this.store = store;
	}

	@Override
	public Map<UUID, Long> byClient(UUID firmId, Collection<UUID> clientIds) {
		return clientIds.isEmpty() ? Map.of() : this.store.countByClient(firmId, clientIds);
	}

	@Override
	public Map<UUID, Long> newFor(UUID firmId, UUID staffId, Collection<UUID> clientIds) {
		return clientIds.isEmpty() ? Map.of() : this.store.countNewByClient(firmId, staffId, clientIds);
	}

}
