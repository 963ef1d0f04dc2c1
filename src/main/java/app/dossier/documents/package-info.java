/**
 * Documents: the files kept for each client, with their metadata (visibility to the
 * customer, dashboard, notes, date, who uploaded them, SHA-256). {@link Documents} is the
 * API; uploads stream through {@link app.dossier.storage.FileStorage}.
 */
@NullMarked
package app.dossier.documents;

import org.jspecify.annotations.NullMarked;
