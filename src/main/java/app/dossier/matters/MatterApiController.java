package app.dossier.matters;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.documents.DocumentJson;
import app.dossier.identity.CurrentStaff;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Matters")
class MatterApiController {

	private final Matters matters;

	MatterApiController(Matters matters) {
		this.matters = matters;
	}

	@GetMapping("/clients/{id}/matters")
	@Operation(summary = "A client's matters, open ones first")
	Items list(CurrentStaff caller, @PathVariable UUID id) {
		return new Items(this.matters.ofClient(caller.firmId(), id));
	}

	@PostMapping("/clients/{id}/matters")
	@Operation(summary = "Open a matter; it gets a folder of its own")
	ResponseEntity<Matter> open(CurrentStaff caller, @PathVariable UUID id, @Validated @RequestBody NewMatter body) {
		Matter matter = this.matters.open(caller, id, body.name(), body.type());
		return ResponseEntity.created(URI.create("/api/v1/matters/" + matter.id())).body(matter);
	}

	@GetMapping("/matters/{id}")
	@Operation(summary = "One matter")
	Matter get(CurrentStaff caller, @PathVariable UUID id) {
		return this.matters.get(caller.firmId(), id);
	}

	@PatchMapping("/matters/{id}")
	@Operation(summary = "Rename, retype, close or reopen a matter")
	Matter change(CurrentStaff caller, @PathVariable UUID id, @Validated @RequestBody Change body) {
		return this.matters.change(caller, id, body.name(), body.type(), body.status());
	}

	@GetMapping("/matters/{id}/timeline")
	@Operation(
			summary = "The matter's documents, newest first, each with its type (\"Document (Portal)\" for a customer's upload)")
	Timeline timeline(CurrentStaff caller, @PathVariable UUID id) {
		return new Timeline(this.matters.timeline(caller.firmId(), id)
			.stream()
			.map((d) -> new Entry(Matters.label(d), d.uploadedByLabel(), DocumentJson.of(d)))
			.toList());
	}

	record NewMatter(@NotNull @Size(max = 200) String name, @NotNull @Size(max = 100) String type) {
	}

	record Change(@Nullable @Size(max = 200) String name, @Nullable @Size(max = 100) String type,
			@Nullable MatterStatus status) {
	}

	record Items(List<Matter> items) {
	}

	record Entry(String type, String author, DocumentJson document) {
	}

	record Timeline(List<Entry> items) {
	}

}
