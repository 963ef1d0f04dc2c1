/**
 * Resumable uploads with the tus 1.0 protocol (tus-java-server): staff, portal contacts
 * and link recipients send large files in pieces that survive dropped connections and
 * server restarts. Each door decides who may upload what ({@link UploadTarget}); a
 * finished upload becomes a document through the same checks as a plain one.
 */
@NullMarked
package app.dossier.resumable;

import org.jspecify.annotations.NullMarked;
