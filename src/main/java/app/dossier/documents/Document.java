package app.dossier.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A file kept for a client, in one of its folders or at its top level ({@code folderId}
 * null); the fields describe the current {@code version}. {@code name} is what people see
 * (the name it was uploaded with); {@code storageKey} is where the bytes are, under a
 * file-safe variant of it. {@code scan} is where the current version stands with the
 * virus scanner; {@code missingSince} is set when its file was found gone from storage.
 */
public record Document(UUID id, UUID firmId, UUID clientId, String name, String storageKey, long size, String sha256,
		String contentType, boolean visibleToClient, boolean showOnDashboard, @Nullable String notes,
		@Nullable LocalDate documentDate, DocumentSource source, @Nullable UUID uploadedByStaff,
		@Nullable UUID uploadedByContact, String uploadedByLabel, Instant createdAt, Instant lastActivityAt,
		@Nullable UUID folderId, int version, ScanStatus scan, @Nullable Instant missingSince) {

	/**
	 * Whether customers may see and download it: scanned clean (or not scanned) and still
	 * in storage.
	 */
	public boolean availableToCustomers() {
		return this.scan.availableToCustomers() && this.missingSince == null;
	}

	Document with(String newName, String newKey, boolean visible, boolean dashboard, @Nullable String newNotes,
			@Nullable LocalDate newDate, @Nullable UUID newFolder, Instant activity) {
		return new Document(this.id, this.firmId, this.clientId, newName, newKey, this.size, this.sha256,
				this.contentType, visible, dashboard, newNotes, newDate, this.source, this.uploadedByStaff,
				this.uploadedByContact, this.uploadedByLabel, this.createdAt, activity, newFolder, this.version,
				this.scan, this.missingSince);
	}

}
