package app.dossier.identity;

import java.time.Instant;
import java.util.UUID;

/** An admin disabled or re-enabled a staff account, or changed its role. */
public record StaffAccessChanged(UUID firmId, UUID staffId, String email, Change change, Actor by, Instant occurredAt) {

	public enum Change {

		DISABLED, ENABLED, MADE_ADMIN, MADE_STAFF, INVITATION_CANCELLED

	}

}
