/**
 * A firm's customers ("clients"): their details, the contacts who may use the portal, the
 * staff assigned to them, and the folder their files live in. {@link Clients} and
 * {@link Contacts} are the API; {@link DocumentCounts} is implemented by the module that
 * keeps documents.
 */
@NullMarked
package app.dossier.clients;

import org.jspecify.annotations.NullMarked;
