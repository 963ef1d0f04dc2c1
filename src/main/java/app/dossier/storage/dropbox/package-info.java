/**
 * A firm's own Dropbox account as a {@link app.dossier.storage.StorageBackend}, through
 * Dropbox's Java SDK. The firm's OAuth tokens come from elsewhere (an
 * {@link app.dossier.storage.AccessTokens}); this package only spends them.
 */
@NullMarked
package app.dossier.storage.dropbox;

import org.jspecify.annotations.NullMarked;
