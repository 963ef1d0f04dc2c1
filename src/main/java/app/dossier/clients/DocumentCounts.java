package app.dossier.clients;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How many documents each client has, answered by the module that keeps documents (which
 * itself depends on this one, so the dependency points this way).
 */
public interface DocumentCounts {

	Map<UUID, Long> byClient(UUID firmId, Collection<UUID> clientIds);

	/**
	 * Documents customers added (portal, secure links) since the staff member last opened
	 * each client's files; all of them for a client they never opened.
	 */
	Map<UUID, Long> newFor(UUID firmId, UUID staffId, Collection<UUID> clientIds);

}
