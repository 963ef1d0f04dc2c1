/**
 * Matters: optional engagements under a client (a tax return, an audit, a deal), each
 * with a folder of its own and a timeline of the documents in it. {@link Matters} is the
 * API.
 */
@NullMarked
package app.dossier.matters;

import org.jspecify.annotations.NullMarked;
