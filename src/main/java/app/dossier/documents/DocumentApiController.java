package app.dossier.documents;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Documents")
class DocumentApiController {

	private final Documents documents;

	private final Uploads uploads;

	private final Reconciliation reconciliation;

	DocumentApiController(Documents documents, Uploads uploads, Reconciliation reconciliation) {
		this.documents = documents;
		this.uploads = uploads;
		this.reconciliation = reconciliation;
	}

	@PostMapping("/clients/{id}/reconcile")
	@Operation(summary = "Bring the client's documents in line with its storage folder now: files added there"
			+ " become documents, files changed there new versions, files deleted there are marked missing."
			+ " Answers when it has finished, with the counts.")
	Reconciliation.Result reconcile(CurrentStaff caller, @PathVariable UUID id) {
		return this.reconciliation.reconcile(caller.firmId(), id);
	}

	@PostMapping("/clients/{id}/documents")
	@Operation(summary = "Upload one or more files (multipart, parts named \"file\"; optional fields notes,"
			+ " documentDate, visibleToClient, showOnDashboard)")
	ResponseEntity<DocumentJson.Items> upload(CurrentStaff caller, @PathVariable UUID id, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		List<Document> added = this.uploads.receive(Uploader.staff(caller), caller.firmId(), id, request);
		return ResponseEntity.status(HttpStatus.CREATED).body(DocumentJson.of(added));
	}

	@GetMapping("/clients/{id}/documents")
	@Operation(summary = "A client's documents, a page at a time: sort=name|created|activity, order=asc|desc,"
			+ " q searches names, limit (1–500, default 100) and offset (default 0); nextOffset is the offset of"
			+ " the next page, null on the last")
	DocumentJson.Listing list(CurrentStaff caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String order, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "" + DocumentPage.DEFAULT_LIMIT) int limit) {
		DocumentSort documentSort = DocumentSort.of(sort, order);
		return DocumentJson.of(this.documents.page(caller.firmId(), id, documentSort, q, offset, limit));
	}

	@GetMapping("/documents/{id}")
	@Operation(summary = "One document's metadata")
	DocumentJson get(CurrentStaff caller, @PathVariable UUID id) {
		return DocumentJson.of(this.documents.get(caller.firmId(), id));
	}

	@GetMapping("/documents/{id}/content")
	@Operation(summary = "The document's bytes; supports Range and If-None-Match (the ETag is the SHA-256)")
	ResponseEntity<Resource> content(CurrentStaff caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range) {
		return Downloads.of(this.documents.download(Uploader.staff(caller), caller.firmId(), id, isFirstPart(range)));
	}

	@PatchMapping("/documents/{id}")
	@Operation(summary = "Rename a document or change its notes, date, visibility or dashboard flag")
	DocumentJson change(CurrentStaff caller, @PathVariable UUID id, @Validated @RequestBody Change body) {
		return DocumentJson.of(this.documents.change(caller, id, new DocumentChange(body.name(), body.notes(),
				body.documentDate(), body.visibleToClient(), body.showOnDashboard(), body.folderId())));
	}

	@DeleteMapping("/documents/{id}")
	@Operation(summary = "Delete a document and its file")
	ResponseEntity<Void> delete(CurrentStaff caller, @PathVariable UUID id) {
		this.documents.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/documents/{id}/versions")
	@Operation(summary = "Upload a new version (multipart, one part named \"file\"); earlier versions stay for staff")
	ResponseEntity<DocumentJson> addVersion(CurrentStaff caller, @PathVariable UUID id, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(DocumentJson.of(this.uploads.receiveVersion(Uploader.staff(caller), caller.firmId(), id, request)));
	}

	@GetMapping("/documents/{id}/versions")
	@Operation(summary = "Every version, newest (current) first, each with its SHA-256")
	Versions versions(CurrentStaff caller, @PathVariable UUID id) {
		List<DocumentVersion> versions = this.documents.versions(caller.firmId(), id);
		return new Versions(versions.stream()
			.map((v) -> new VersionJson(v.id(), v.version(), v.name(), v.size(), v.sha256(), v.contentType(),
					v.uploadedByLabel(), v.createdAt(), v == versions.get(0)))
			.toList());
	}

	@PostMapping("/documents/{id}/versions/{versionId}/restore")
	@Operation(summary = "Make an earlier version current again (as a new version)")
	DocumentJson restore(CurrentStaff caller, @PathVariable UUID id, @PathVariable UUID versionId) {
		return DocumentJson.of(this.documents.restore(caller, id, versionId));
	}

	@GetMapping("/documents/{id}/versions/{versionId}/content")
	@Operation(summary = "The bytes of one version")
	ResponseEntity<Resource> versionContent(CurrentStaff caller, @PathVariable UUID id, @PathVariable UUID versionId) {
		return Downloads.of(this.documents.downloadVersion(Uploader.staff(caller), caller.firmId(), id, versionId));
	}

	record VersionJson(UUID id, int version, String name, long size, String sha256, String contentType,
			String uploadedBy, java.time.Instant createdAt, boolean current) {
	}

	record Versions(List<VersionJson> items) {
	}

	/** A download is recorded once, not for every range a player or resumer asks for. */
	static boolean isFirstPart(@Nullable String range) {
		return range == null || range.replace(" ", "").startsWith("bytes=0-");
	}

	record Change(@Nullable @Size(max = 255) String name, @Nullable @Size(max = 4000) String notes,
			@Nullable @Size(max = 40) String documentDate, @Nullable Boolean visibleToClient,
			@Nullable Boolean showOnDashboard, @Nullable @Size(max = 40) String folderId) {
	}

}
