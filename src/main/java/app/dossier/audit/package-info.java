/**
 * The append-only audit trail. It listens to the other modules' events and records who
 * did what, when (UTC) and from which address; admins read it on the audit page and
 * through the API. Nothing here updates or deletes an entry.
 */
@NullMarked
package app.dossier.audit;

import org.jspecify.annotations.NullMarked;
