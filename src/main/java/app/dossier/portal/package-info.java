/**
 * The customer portal: passwordless sign-in for contacts (one-time links), their
 * dashboard, the files shared with them, downloads (one or a folder as a zip) and
 * uploads. A security chain of its own keeps contacts and staff apart.
 */
@NullMarked
package app.dossier.portal;

import org.jspecify.annotations.NullMarked;
