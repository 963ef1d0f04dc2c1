package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One version of a document's bytes, with the SHA-256 it had when it arrived. */
public record DocumentVersion(UUID id, UUID firmId, UUID documentId, int version, String name, String storageKey,
		long size, String sha256, String contentType, @Nullable UUID uploadedByStaff, @Nullable UUID uploadedByContact,
		String uploadedByLabel, Instant createdAt) {

	static DocumentVersion of(Document document, UUID id) {
		return new DocumentVersion(id, document.firmId(), document.id(), document.version(), document.name(),
				document.storageKey(), document.size(), document.sha256(), document.contentType(),
				document.uploadedByStaff(), document.uploadedByContact(), document.uploadedByLabel(),
				document.lastActivityAt());
	}

}
