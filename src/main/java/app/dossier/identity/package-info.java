/**
 * Staff accounts, sign-in and API tokens. The base package is the module's API: the
 * signed-in staff member ({@link app.dossier.identity.CurrentStaff}), the
 * {@link app.dossier.identity.StaffDirectory} facade and the events other modules listen
 * to.
 */
@NullMarked
package app.dossier.identity;

import org.jspecify.annotations.NullMarked;
