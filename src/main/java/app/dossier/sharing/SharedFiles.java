package app.dossier.sharing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.documents.Document;
import app.dossier.documents.Folder;
import app.dossier.shared.NotFoundException;

/**
 * Exactly what one contact sees in the portal: the folders shared with them (and the
 * folders inside those) with their permission, and the documents they may open. A
 * document is there when it is visible to the customer and shared with this contact,
 * directly or through its folder, or when this contact uploaded it, and only once the
 * virus scanner (if one is configured) found it clean.
 */
public record SharedFiles(UUID contactId, List<Folder> folders, Map<UUID, Permission> folderPermissions,
		List<Document> documents, boolean uploadsEnabled) {

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

	public boolean contains(UUID documentId) {
		return this.documents.stream().anyMatch((document) -> document.id().equals(documentId));
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

	public List<Document> in(@Nullable UUID folderId) {
		return this.documents.stream()
			.filter((document) -> (folderId == null) ? !sees(document.folderId())
					: folderId.equals(document.folderId()))
			.toList();
	}

}
