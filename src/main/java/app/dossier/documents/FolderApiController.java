package app.dossier.documents;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Folders")
class FolderApiController {

	private final Folders folders;

	FolderApiController(Folders folders) {
		this.folders = folders;
	}

	@GetMapping("/clients/{id}/folders")
	@Operation(summary = "A client's folders (all levels; parentId null is the top level)")
	Items list(CurrentStaff caller, @PathVariable UUID id) {
		return new Items(this.folders.ofClient(caller.firmId(), id).stream().map(FolderJson::of).toList());
	}

	@PostMapping("/clients/{id}/folders")
	@Operation(summary = "Create a folder, at the top level or inside parentId")
	ResponseEntity<FolderJson> create(CurrentStaff caller, @PathVariable UUID id,
			@Validated @RequestBody NewFolder body) {
		Folder folder = this.folders.create(caller, id, body.name(), body.parentId());
		return ResponseEntity.created(URI.create("/api/v1/folders/" + folder.id())).body(FolderJson.of(folder));
	}

	@GetMapping("/folders/{id}")
	@Operation(summary = "One folder")
	FolderJson get(CurrentStaff caller, @PathVariable UUID id) {
		return FolderJson.of(this.folders.get(caller.firmId(), id));
	}

	@PatchMapping("/folders/{id}")
	@Operation(summary = "Rename a folder")
	FolderJson rename(CurrentStaff caller, @PathVariable UUID id, @Validated @RequestBody Rename body) {
		return FolderJson.of(this.folders.rename(caller, id, body.name()));
	}

	@DeleteMapping("/folders/{id}")
	@Operation(summary = "Delete an empty folder (409 when it holds documents or folders)")
	ResponseEntity<Void> delete(CurrentStaff caller, @PathVariable UUID id) {
		this.folders.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	record NewFolder(@NotNull @Size(max = 1000) String name, @Nullable UUID parentId) {
	}

	record Rename(@NotNull @Size(max = 1000) String name) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record FolderJson(UUID id, UUID clientId, String name, @Nullable UUID parentId, boolean clientUploads,
			Instant createdAt) {

		static FolderJson of(Folder folder) {
			return new FolderJson(folder.id(), folder.clientId(), folder.name(), folder.parentId(), folder.isUploads(),
					folder.createdAt());
		}

	}

	record Items(List<FolderJson> items) {
	}

}
