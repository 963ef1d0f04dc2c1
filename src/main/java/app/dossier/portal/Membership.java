package app.dossier.portal;

import java.io.Serializable;
import java.util.UUID;

/** One client a signed-in person may act for, as one of its contacts. */
record Membership(UUID contactId, UUID firmId, UUID clientId, String contactName, String clientName,
		String firmName) implements Serializable {
}
