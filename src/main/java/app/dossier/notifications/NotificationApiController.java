package app.dossier.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications")
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	@Operation(summary = "Your notifications, newest first, with the unread count")
	Inbox inbox(CurrentStaff caller) {
		return new Inbox(this.notifications.recent(caller), this.notifications.unread(caller));
	}

	@PostMapping("/notifications/read")
	@Operation(summary = "Mark all your notifications read")
	ResponseEntity<Void> read(CurrentStaff caller) {
		this.notifications.markAllRead(caller);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/notifications/preferences")
	@Operation(summary = "How often you get email, per kind: IMMEDIATE, HOURLY, DAILY or OFF")
	Map<Kind, Frequency> preferences(CurrentStaff caller) {
		return this.notifications.preferences(caller);
	}

	@PutMapping("/notifications/preferences")
	@Operation(summary = "Change how often you get email, per kind")
	Map<Kind, Frequency> prefer(CurrentStaff caller, @RequestBody Map<Kind, Frequency> choices) {
		choices.forEach((kind, frequency) -> this.notifications.prefer(caller, kind, frequency));
		return this.notifications.preferences(caller);
	}

	@GetMapping("/clients/{id}/messages")
	@Operation(summary = "The client's communication log: every email and text to its contacts")
	Log messages(CurrentStaff caller, @PathVariable UUID id) {
		return new Log(this.notifications.communicationLog(caller, id)
			.stream()
			.map((m) -> new Entry(m.id(), m.contactId(), m.channel(), m.recipient(), m.subject(), m.status(),
					m.attempts(), m.createdAt(), m.sentAt(), m.lastError()))
			.toList());
	}

	record Inbox(List<Notifications.Notice> items, long unread) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Entry(UUID id, @Nullable UUID contactId, Channel channel, String recipient, String subject,
			Message.Status status, int attempts, Instant createdAt, @Nullable Instant sentAt,
			@Nullable String lastError) {
	}

	record Log(List<Entry> items) {
	}

}
