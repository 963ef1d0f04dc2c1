package app.dossier.firms;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Firm settings page, for admins. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SettingsController {

	private static final long MB = 1024 * 1024;

	private final Firms firms;

	SettingsController(Firms firms) {
		this.firms = firms;
	}

	@GetMapping("/settings")
	String settings(CurrentStaff admin, Model model) {
		model.addAttribute("firm", this.firms.get(admin.firmId()));
		FirmSettings settings = this.firms.settings(admin.firmId());
		model.addAttribute("settings", settings);
		model.addAttribute("maxFileSizeMb", Math.max(1, settings.maxFileSize() / MB));
		model.addAttribute("ceilingMb", this.firms.maxFileSizeCeiling() / MB);
		model.addAttribute("filesCeiling", this.firms.maxFilesPerUploadCeiling());
		model.addAttribute("types", app.dossier.shared.FileTypes.values());
		return "firms/settings";
	}

	@PostMapping("/settings")
	String save(CurrentStaff admin, @RequestParam String firmName, @RequestParam String customersRootFolder,
			@RequestParam(defaultValue = "false") boolean customerUploadsEnabled,
			@RequestParam(defaultValue = "false") boolean newDocumentsVisibleByDefault,
			@RequestParam String maxFileSizeMb, @RequestParam String maxFilesPerUpload,
			@RequestParam(required = false) @Nullable String maxLinkDays,
			@RequestParam(required = false) java.util.@Nullable List<String> allowedTypes,
			@RequestParam(defaultValue = "false") boolean typesShown, RedirectAttributes redirect) {
		try {
			this.firms.change(admin,
					new SettingsChange(firmName, customersRootFolder, customerUploadsEnabled,
							newDocumentsVisibleByDefault, number("maxFileSizeMb", maxFileSizeMb) * MB,
							(int) Math.min(Integer.MAX_VALUE, number("maxFilesPerUpload", maxFilesPerUpload)),
							(maxLinkDays == null) ? null
									: (int) Math.min(Integer.MAX_VALUE, number("maxLinkDays", maxLinkDays)),
							typesShown ? ((allowedTypes != null) ? allowedTypes : java.util.List.of()) : null));
			redirect.addFlashAttribute("notice", "Settings saved.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/settings";
	}

	private static long number(String field, String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "Enter a whole number.");
		}
	}

}
