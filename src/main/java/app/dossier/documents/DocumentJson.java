package app.dossier.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A document as the API shows it; every field is present, null when unset.
 * {@code missingSince} is set when its file was found gone from storage.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DocumentJson(UUID id, UUID clientId, String name, long size, String sha256, String contentType,
		boolean visibleToClient, boolean showOnDashboard, @Nullable String notes, @Nullable LocalDate documentDate,
		DocumentSource source, UploadedBy uploadedBy, Instant createdAt, Instant lastActivityAt,
		@Nullable UUID folderId, int version, ScanStatus scanStatus, @Nullable Instant missingSince) {

	public static DocumentJson of(Document d) {
		UploadedBy by = (d.uploadedByContact() != null)
				? new UploadedBy("CONTACT", d.uploadedByContact(), d.uploadedByLabel()) : new UploadedBy(
						(d.uploadedByStaff() != null) ? "STAFF" : "SYSTEM", d.uploadedByStaff(), d.uploadedByLabel());
		return new DocumentJson(d.id(), d.clientId(), d.name(), d.size(), d.sha256(), d.contentType(),
				d.visibleToClient(), d.showOnDashboard(), d.notes(), d.documentDate(), d.source(), by, d.createdAt(),
				d.lastActivityAt(), d.folderId(), d.version(), d.scan(), d.missingSince());
	}

	public static Items of(List<Document> documents) {
		return new Items(documents.stream().map(DocumentJson::of).toList());
	}

	public static Listing of(DocumentPage page) {
		return new Listing(page.items().stream().map(DocumentJson::of).toList(), page.offset(), page.limit(),
				page.more() ? page.offset() + page.limit() : null);
	}

	/** A page of a document list; {@code nextOffset} is null on the last page. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Listing(List<DocumentJson> items, int offset, int limit, @Nullable Integer nextOffset) {
	}

	/** Who added the document: kind STAFF or CONTACT with their id, or SYSTEM. */
	public record UploadedBy(String kind, @Nullable UUID id, String name) {
	}

	public record Items(List<DocumentJson> items) {
	}

}
