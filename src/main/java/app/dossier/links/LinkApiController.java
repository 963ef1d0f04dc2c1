package app.dossier.links;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
@Tag(name = "Secure links")
class LinkApiController {

	private final Links links;

	private final LinkSending sending;

	private final Clock clock;

	LinkApiController(Links links, LinkSending sending, Clock clock) {
		this.links = links;
		this.sending = sending;
		this.clock = clock;
	}

	@PostMapping("/clients/{id}/links")
	@Operation(summary = "Make an UPLOAD or DOWNLOAD link for the client, a matter (matterId) or a folder (folderId);"
			+ " answers its URL and security code. Starts disabled unless enabled is true.")
	ResponseEntity<LinkJson> create(CurrentStaff caller, @PathVariable UUID id, @RequestBody Links.LinkRequest body) {
		Link link = this.links.create(caller, id, body);
		return ResponseEntity.status(HttpStatus.CREATED).body(json(link, true));
	}

	@GetMapping("/clients/{id}/links")
	@Operation(summary = "The client's links, newest first")
	LinkJson.Items list(CurrentStaff caller, @PathVariable UUID id) {
		return new LinkJson.Items(
				this.links.ofClient(caller.firmId(), id).stream().map((link) -> json(link, false)).toList());
	}

	@GetMapping("/links/{id}")
	@Operation(summary = "One link with its security code, downloads and uploads")
	LinkJson get(CurrentStaff caller, @PathVariable UUID id) {
		return json(this.links.get(caller.firmId(), id), true);
	}

	@PatchMapping("/links/{id}")
	@Operation(summary = "Change a link's message, expiry, enabled flag, limits, allowed types or chosen documents")
	LinkJson change(CurrentStaff caller, @PathVariable UUID id, @RequestBody Links.LinkRequest body) {
		return json(this.links.change(caller, id, body), true);
	}

	@DeleteMapping("/links/{id}")
	@Operation(summary = "Delete a link; its URL stops working at once")
	ResponseEntity<Void> delete(CurrentStaff caller, @PathVariable UUID id) {
		this.links.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/links/{id}/code")
	@Operation(summary = "Give the link a new security code; visits opened with the old one end")
	LinkJson renewCode(CurrentStaff caller, @PathVariable UUID id) {
		return json(this.links.renewCode(caller, id), true);
	}

	@PostMapping("/links/{id}/send")
	@Operation(summary = "Email the link to contacts of the client and send the code separately: by text to those"
			+ " who opted in, otherwise returned as codeToTell to pass on by phone. Admins may send onBehalfOf another"
			+ " team member.")
	LinkSending.Sent send(CurrentStaff caller, @PathVariable UUID id, @RequestBody LinkSending.SendRequest body) {
		return this.sending.send(caller, id, body);
	}

	private LinkJson json(Link link, boolean full) {
		List<Receipts.Receipt> history = full ? this.links.history(link) : null;
		return new LinkJson(link.id(), link.clientId(), link.kind(), this.links.url(link),
				full ? this.links.code(link) : null, link.enabled(), link.works(this.clock.instant()), status(link),
				link.disabledReason(), link.expiresAt(), link.message(), link.maxFiles(), link.maxFileSize(),
				link.allowedTypes(), link.folderId(), link.matterId(), link.documentIds(), this.links.target(link),
				new LinkJson.By(link.createdBy(), link.createdByName()), link.createdAt(),
				(history != null) ? events(history, Receipts.Receipt.Kind.DOWNLOAD) : null,
				(history != null) ? events(history, Receipts.Receipt.Kind.UPLOAD) : null);
	}

	private String status(Link link) {
		if (!link.enabled()) {
			return "DISABLED";
		}
		return link.expired(this.clock.instant()) ? "EXPIRED" : "ACTIVE";
	}

	private static List<LinkJson.Event> events(List<Receipts.Receipt> history, Receipts.Receipt.Kind kind) {
		return history.stream()
			.filter((r) -> r.kind() == kind)
			.map((r) -> new LinkJson.Event(r.documentId(), r.documentName(), r.at(), r.ip(), r.userAgent()))
			.toList();
	}

	/**
	 * A link for the API. {@code works} is the green/red status; {@code securityCode},
	 * {@code downloads} and {@code uploads} come with a single link, not in lists.
	 */
	record LinkJson(UUID id, UUID clientId, LinkKind kind, String url, @Nullable String securityCode, boolean enabled,
			boolean works, String status, @Nullable String disabledReason, Instant expiresAt, @Nullable String message,
			int maxFiles, long maxFileSize, List<String> allowedTypes, @Nullable UUID folderId, @Nullable UUID matterId,
			List<UUID> documentIds, String target, By createdBy, Instant createdAt, @Nullable List<Event> downloads,
			@Nullable List<Event> uploads) {

		record Items(List<LinkJson> items) {
		}

		record By(@Nullable UUID id, String name) {
		}

		record Event(@Nullable UUID documentId, String documentName, Instant at, String ip,
				@Nullable String userAgent) {
		}

	}

}
