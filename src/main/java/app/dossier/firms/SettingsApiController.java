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
		return view(this.firms.get(admin.firmId()));
	}

	@PatchMapping
	@Operation(summary = "Change the firm's settings (admins); fields left out stay as they are")
	SettingsView change(CurrentStaff admin, @Validated @RequestBody Change change) {
		return view(this.firms.change(admin,
				new SettingsChange(change.firmName(), change.customersRootFolder(), change.customerUploadsEnabled(),
						change.newDocumentsVisibleByDefault(), change.maxFileSize(), change.maxFilesPerUpload(),
						change.maxLinkDays(), change.allowedTypes())));
	}

	private SettingsView view(Firm firm) {
		FirmSettings settings = this.firms.settings(firm.id());
		return new SettingsView(firm.name(), firm.slug(), settings.customerUploadsEnabled(),
				settings.newDocumentsVisibleByDefault(), settings.customersRoot(), settings.maxFileSize(),
				settings.maxFilesPerUpload(), settings.maxLinkDays(), settings.allowedTypes());
	}

	record SettingsView(String firmName, String firmSlug, boolean customerUploadsEnabled,
			boolean newDocumentsVisibleByDefault, String customersRootFolder, long maxFileSize, int maxFilesPerUpload,
			int maxLinkDays, java.util.List<String> allowedTypes) {
	}

	record Change(@Nullable @Size(max = 200) String firmName, @Nullable @Size(max = 80) String customersRootFolder,
			@Nullable Boolean customerUploadsEnabled, @Nullable Boolean newDocumentsVisibleByDefault,
			@Nullable Long maxFileSize, @Nullable Integer maxFilesPerUpload, @Nullable Integer maxLinkDays,
			java.util.@Nullable List<String> allowedTypes) {
	}

}
