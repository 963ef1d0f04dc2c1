package app.dossier.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Clients")
class ClientActivityApiController {

	private final AuditTrail trail;

	ClientActivityApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/clients/{id}/activity")
	@Operation(summary = "What happened to a client and its documents, newest first, 50 per page")
	Activity activity(CurrentStaff caller, @PathVariable UUID id, @RequestParam(defaultValue = "0") int page) {
		AuditTrail.Page result = this.trail.clientActivity(caller, id, page);
		return new Activity(result.items().stream().map(Item::of).toList(), result.page(), result.total());
	}

	record Activity(List<Item> items, int page, long total) {
	}

	/** {@code documentId} is set for document.* entries. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Item(String type, @Nullable UUID documentId, @Nullable String target, @Nullable String actor,
			@Nullable UUID actorId, Instant at, @Nullable String ip, @Nullable String details) {

		static Item of(AuditEntry entry) {
			return new Item(entry.action(), entry.action().startsWith("document.") ? entry.targetId() : null,
					entry.target(), entry.actor(), entry.actorId(), entry.occurredAt(), entry.ip(), entry.details());
		}

	}

}
