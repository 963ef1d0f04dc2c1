/**
 * Previews: a small JPEG of each image (EXIF-rotated, with a pixel ceiling against
 * decompression bombs) and of each PDF's first page, made in the background after a
 * document is stored (and found clean, where a virus scanner runs). Office documents show
 * an icon instead; no conversion server is needed.
 */
@NullMarked
package app.dossier.previews;

import org.jspecify.annotations.NullMarked;
