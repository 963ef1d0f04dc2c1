package app.dossier.identity;

import java.util.UUID;

/**
 * What identity needs to know about firms (their names, for invitations and page
 * headers), implemented by the firms module so that identity does not depend on it.
 */
public interface FirmNames {

	String nameOf(UUID firmId);

}
