package app.dossier.sharing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.documents.CustomerView;
import app.dossier.documents.Document;
import app.dossier.documents.Folder;
import app.dossier.shared.NotFoundException;

/**
 * Exactly what one contact sees in the portal: the folders shared with them (and the
 * folders inside those) with their permission, and, as {@code view}, the documents they
 * may open, listed through {@code Documents.seen}. A document is there when it is visible
 * to the customer and shared with this contact, directly or through its folder, or when
 * this contact uploaded it, and only once the virus scanner (if one is configured) found
 * it clean.
 */
public record SharedFiles(UUID contactId, List<Folder> folders, Map<UUID, Permission> folderPermissions,
		CustomerView view, boolean uploadsEnabled) {

	public boolean uploadedByContact(Document document) {
		return this.contactId.equals(document.uploadedByContact());
	}

	/** Whether the contact may upload into the folder right now. */
	public boolean mayUploadTo(@Nullable UUID folderId) {
		return this.uploadsEnabled && folderId != null
				&& this.folderPermissions.get(folderId) == Permission.VIEW_UPLOAD;
	}

	public boolean mayUploadAnywhere() {
		return this.uploadsEnabled && this.folderPermissions.containsValue(Permission.VIEW_UPLOAD);
	}

	public boolean sees(@Nullable UUID folderId) {
		return folderId != null && this.folderPermissions.containsKey(folderId);
	}

	/** One of the folders the contact sees ({@link #sees(UUID)}), else not found. */
	public Folder folder(UUID folderId) {
		return this.folders.stream()
			.filter((folder) -> folder.id().equals(folderId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Folder"));
	}

}
