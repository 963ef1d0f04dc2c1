/**
 * Firms, the tenants of Dossier: first-run setup, optional self-service signup, the
 * headless bootstrap, and firm settings. {@link app.dossier.firms.Firms} is the facade.
 */
@NullMarked
package app.dossier.firms;

import org.jspecify.annotations.NullMarked;
