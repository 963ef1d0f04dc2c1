package app.dossier.portal;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A person signed in to the portal: an email address, the clients it may act for, and
 * when the session began (for the absolute timeout and "sign out everywhere").
 */
record PortalPrincipal(String email, List<Membership> memberships, Instant signedInAt) implements Serializable {

	PortalPrincipal {
		memberships = List.copyOf(memberships);
	}

}
