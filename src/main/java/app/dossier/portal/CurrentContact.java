package app.dossier.portal;

import java.util.UUID;

import app.dossier.documents.DocumentSource;
import app.dossier.documents.Uploader;
import app.dossier.identity.Actor;

/**
 * The contact making the current portal request; portal controllers take it as a
 * parameter.
 */
record CurrentContact(UUID contactId, UUID firmId, UUID clientId, String name, String email, String clientName,
		String firmName, String ip, boolean severalClients) {

	static CurrentContact of(Membership membership, String email, String ip, boolean severalClients) {
		return new CurrentContact(membership.contactId(), membership.firmId(), membership.clientId(),
				membership.contactName(), email, membership.clientName(), membership.firmName(), ip, severalClients);
	}

	Uploader uploader() {
		return new Uploader(null, this.contactId, this.name, this.ip, DocumentSource.PORTAL);
	}

	Actor actor() {
		return new Actor(null, this.email, this.ip);
	}

}
