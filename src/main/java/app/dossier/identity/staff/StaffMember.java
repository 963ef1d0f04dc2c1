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

	StaffMember withName(String newName) {
		return new StaffMember(this.id, this.firmId, this.email, newName, this.role, this.passwordHash, this.enabled,
				this.createdAt);
	}

	StaffMember withRole(Role newRole) {
		return new StaffMember(this.id, this.firmId, this.email, this.name, newRole, this.passwordHash, this.enabled,
				this.createdAt);
	}

	StaffMember withEnabled(boolean newEnabled) {
		return new StaffMember(this.id, this.firmId, this.email, this.name, this.role, this.passwordHash, newEnabled,
				this.createdAt);
	}

	StaffMember withPasswordHash(String newHash) {
		return new StaffMember(this.id, this.firmId, this.email, this.name, this.role, newHash, this.enabled,
				this.createdAt);
	}

	public enum Status {

		INVITED, ACTIVE, DISABLED

	}

}
