package app.dossier.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who did something, for the audit trail: a staff member, or nobody known (a first-run
 * setup, a failed sign-in), always with the client address the request came from.
 */
public record Actor(@Nullable UUID staffId, @Nullable String label, String ip) {

	public static Actor anonymous(String ip) {
		return new Actor(null, null, ip);
	}

}
