package app.dossier.identity;

import java.util.UUID;

/**
 * The staff member making the current request, whether signed in with a session or a
 * bearer token. Controllers take it as a method parameter.
 */
public record CurrentStaff(UUID firmId, UUID staffId, String email, String name, Role role, String clientIp) {

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	public Actor actor() {
		return new Actor(this.staffId, this.email, this.clientIp);
	}

}
