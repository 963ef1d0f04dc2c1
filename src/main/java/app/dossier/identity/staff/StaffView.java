package app.dossier.identity.staff;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Role;

/** A staff member as the API shows it: never a password hash. */
record StaffView(UUID id, String name, String email, Role role, StaffMember.Status status, Instant createdAt) {

	static StaffView of(StaffMember member) {
		return new StaffView(member.id(), member.name(), member.email(), member.role(), member.status(),
				member.createdAt());
	}

}
