/**
 * What each portal contact may see and where they may upload: folders and single
 * documents shared with a contact, with permission VIEW or VIEW_UPLOAD. {@link Sharing}
 * is the API; {@link SharedFiles} is exactly what one contact sees.
 */
@NullMarked
package app.dossier.sharing;

import org.jspecify.annotations.NullMarked;
