/**
 * A firm's own Google Drive as a storage backend: {@link DriveStorage} speaks the Drive
 * v3 API with the firm's OAuth tokens, maps folders onto Drive folders under My Drive,
 * and follows Drive's change feed.
 */
@NullMarked
package app.dossier.storage.drive;

import org.jspecify.annotations.NullMarked;
