package app.dossier.identity.staff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import app.dossier.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff")
class StaffApiController {

	private final StaffManagement staff;

	StaffApiController(StaffManagement staff) {
		this.staff = staff;
	}

	@GetMapping
	@Operation(summary = "List the firm's staff")
	Items<StaffView> list(CurrentStaff caller) {
		return new Items<>(this.staff.list(caller).stream().map(StaffView::of).toList());
	}

	@GetMapping("/me")
	@Operation(summary = "The staff member the token belongs to")
	StaffView me(CurrentStaff caller) {
		return StaffView.of(this.staff.get(caller, caller.staffId()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One staff member")
	StaffView get(CurrentStaff caller, @PathVariable UUID id) {
		return StaffView.of(this.staff.get(caller, id));
	}

	@PostMapping("/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite a person by email (admins); the link is valid 7 days and also returned here")
	InvitationView invite(CurrentStaff caller, @Valid @RequestBody Invite request) {
		StaffManagement.IssuedInvitation issued = this.staff.invite(caller, request.email(), request.name(),
				request.role());
		return new InvitationView(issued.staffId(), issued.link(), issued.expiresAt());
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a staff member's role or disable/enable the account (admins)")
	StaffView change(CurrentStaff caller, @PathVariable UUID id, @Valid @RequestBody Change request) {
		StaffMember member = this.staff.get(caller, id);
		if (request.role() != null) {
			member = this.staff.changeRole(caller, id, request.role());
		}
		if (request.enabled() != null) {
			member = this.staff.setEnabled(caller, id, request.enabled());
		}
		return StaffView.of(member);
	}

	record Items<T>(List<T> items) {
	}

	record Invite(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String name, @NotNull Role role) {
	}

	record Change(@Nullable Role role, @Nullable Boolean enabled) {
	}

	record InvitationView(UUID staffId, String invitationUrl, Instant expiresAt) {

		@Override
		public String toString() {
			return "InvitationView[staffId=" + this.staffId + ", expiresAt=" + this.expiresAt + "]";
		}

	}

}
