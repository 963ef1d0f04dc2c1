/**
 * Where document bytes live. The API is {@link app.dossier.storage.FileStorage}: stage an
 * upload to a temporary file while its size and SHA-256 are computed, then commit it into
 * a browsable folder layout; open, rename and delete stored files. {@link FileNames}
 * derives safe folder and file names from what people type.
 */
@NullMarked
package app.dossier.storage;

import org.jspecify.annotations.NullMarked;
