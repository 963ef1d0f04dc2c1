package app.dossier.identity.staff;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Role;

/** A person working at a firm. Invited members have no password until they accept. */
public record StaffMember(UUID id, UUID firmId, String email, String name, Role role, @Nullable String passwordHash,
		boolean enabled, Instant createdAt) {

	public Status status() {
		if (!this.enabled) {
			return Status.DISABLED;
		}
		return (this.passwordHash == null) ? Status.INVITED : Status.ACTIVE;
	}

	public enum Status {

		INVITED, ACTIVE, DISABLED

	}

}
