package app.dossier.firms;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/settings")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Settings")
class SettingsApiController {

	private final Firms firms;

	SettingsApiController(Firms firms) {
		this.firms = firms;
	}

	@GetMapping
	@Operation(summary = "The firm's settings (admins)")
	SettingsView get(CurrentStaff admin) {
		Firm firm = this.firms.get(admin.firmId());
		return new SettingsView(firm.name(), firm.slug());
	}

	@PatchMapping
	@Operation(summary = "Change the firm's settings (admins)")
	SettingsView change(CurrentStaff admin, @Validated @RequestBody Change change) {
		Firm firm = (change.firmName() != null) ? this.firms.rename(admin, change.firmName())
				: this.firms.get(admin.firmId());
		return new SettingsView(firm.name(), firm.slug());
	}

	record SettingsView(String firmName, String firmSlug) {
	}

	record Change(@Nullable @Size(max = 200) String firmName) {
	}

}
