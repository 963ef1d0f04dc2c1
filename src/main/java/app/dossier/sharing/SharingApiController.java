package app.dossier.sharing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.documents.DocumentJson;
import app.dossier.documents.DocumentSort;
import app.dossier.documents.Documents;
import app.dossier.documents.SeenFilter;
import app.dossier.identity.CurrentStaff;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sharing")
class SharingApiController {

	private final Sharing sharing;

	private final Documents documents;

	SharingApiController(Sharing sharing, Documents documents) {
		this.sharing = sharing;
		this.documents = documents;
	}

	@PostMapping("/folders/{id}/shares")
	@Operation(summary = "Share a folder (and everything in it) with a contact; sharing again changes the permission")
	ResponseEntity<ShareJson> shareFolder(CurrentStaff caller, @PathVariable UUID id,
			@Validated @RequestBody NewShare body) {
		return created(this.sharing.shareFolder(caller, id, body.contactId(), body.permission()));
	}

	@PostMapping("/documents/{id}/shares")
	@Operation(summary = "Share one document with a contact (they see it while it is visible to the customer)")
	ResponseEntity<ShareJson> shareDocument(CurrentStaff caller, @PathVariable UUID id,
			@Validated @RequestBody NewShare body) {
		return created(this.sharing.shareDocument(caller, id, body.contactId(), body.permission()));
	}

	@DeleteMapping("/shares/{id}")
	@Operation(summary = "Remove from the portal; the folder or document stays with the client")
	ResponseEntity<Void> unshare(CurrentStaff caller, @PathVariable UUID id) {
		this.sharing.unshare(caller, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/contacts/{id}/shares")
	@Operation(summary = "What is shared with a contact")
	Shares shares(CurrentStaff caller, @PathVariable UUID id) {
		return new Shares(this.sharing.ofContact(caller.firmId(), id).stream().map(ShareJson::of).toList());
	}

	@GetMapping("/contacts/{id}/shared")
	@Operation(summary = "Exactly what a contact sees in the portal: folders with permission, documents")
	Seen shared(CurrentStaff caller, @PathVariable UUID id) {
		SharedFiles files = this.sharing.seenBy(caller.firmId(), id);
		return new Seen(
				files.folders()
					.stream()
					.map((folder) -> new SeenFolder(folder.id(), folder.name(), folder.parentId(),
							files.folderPermissions().get(folder.id()), files.mayUploadTo(folder.id())))
					.toList(),
				this.documents
					.seen(files.view(), SeenFilter.everywhere(null), DocumentSort.DEFAULT, 0, Integer.MAX_VALUE)
					.stream()
					.map((document) -> new SeenDocument(DocumentJson.of(document), files.uploadedByContact(document)))
					.toList());
	}

	private static ResponseEntity<ShareJson> created(Share share) {
		return ResponseEntity.created(URI.create("/api/v1/shares/" + share.id())).body(ShareJson.of(share));
	}

	record NewShare(@NotNull UUID contactId, @NotNull Permission permission) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ShareJson(UUID id, UUID clientId, UUID contactId, @Nullable UUID folderId, @Nullable UUID documentId,
			Permission permission, Instant createdAt) {

		static ShareJson of(Share share) {
			return new ShareJson(share.id(), share.clientId(), share.contactId(), share.folderId(), share.documentId(),
					share.permission(), share.createdAt());
		}

	}

	record Shares(List<ShareJson> items) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record SeenFolder(UUID id, String name, @Nullable UUID parentId, @Nullable Permission permission,
			boolean mayUpload) {
	}

	record SeenDocument(DocumentJson document, boolean uploadedByContact) {
	}

	record Seen(List<SeenFolder> folders, List<SeenDocument> items) {
	}

}
