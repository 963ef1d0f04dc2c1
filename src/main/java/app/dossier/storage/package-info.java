/**
 * Where document bytes live. The API is {@link app.dossier.storage.FileStorage}: stage an
 * upload on the local disk while its size and SHA-256 are computed, then file it into a
 * client folder on that folder's {@link app.dossier.storage.Platform}; open, read,
 * rename, copy, list and delete stored files, and ask what changed in a folder since a
 * marker. Every platform is a {@link app.dossier.storage.StorageBackend} passing one
 * contract: the disk, the installation's S3 bucket ({@code s3}), and a firm's own Dropbox
 * or Google Drive ({@code dropbox}, {@code drive}), which administrators connect with
 * OAuth 2 ({@code accounts}). {@link app.dossier.storage.StoragePlatforms} says where a
 * firm's new client folders go; {@link FileNames} derives safe folder and file names from
 * what people type.
 */
@NullMarked
package app.dossier.storage;

import org.jspecify.annotations.NullMarked;
