package app.dossier.clients;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person at a client. With {@code portalAccess} they may sign in to the portal; portal
 * sessions that began before {@code portalSessionsAfter} are no longer accepted.
 */
public record Contact(UUID id, UUID firmId, UUID clientId, String name, String email, @Nullable String phone,
		boolean smsOptIn, Instant createdAt, boolean portalAccess, @Nullable Instant portalSessionsAfter) {

	Contact withDetails(String newName, String newEmail, @Nullable String newPhone, boolean newSmsOptIn) {
		return new Contact(this.id, this.firmId, this.clientId, newName, newEmail, newPhone, newSmsOptIn,
				this.createdAt, this.portalAccess, this.portalSessionsAfter);
	}

}
