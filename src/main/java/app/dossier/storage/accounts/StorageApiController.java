package app.dossier.storage.accounts;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import app.dossier.storage.Platform;
import app.dossier.storage.StoragePlatforms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/storage")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Storage")
class StorageApiController {

	private final StoragePlatforms platforms;

	private final OAuthApps apps;

	private final AccountStore accounts;

	StorageApiController(StoragePlatforms platforms, OAuthApps apps, AccountStore accounts) {
		this.platforms = platforms;
		this.accounts = accounts;
		this.apps = apps;
	}

	@GetMapping
	@Operation(summary = "Where the firm's new client folders go, and its own storage accounts (admins)")
	StorageView get(CurrentStaff admin) {
		return view(admin);
	}

	@PutMapping("/platform")
	@Operation(summary = "Choose where new client folders go: the installation's platform (\"disk\" or \"s3\"),"
			+ " or a connected \"dropbox\" or \"google-drive\" (admins). Existing folders stay until moved.")
	StorageView choose(CurrentStaff admin, @Validated @RequestBody Choice choice) {
		Platform platform = Platform.of(choice.platform())
			.orElseThrow(() -> new InvalidInputException("platform", "Choose disk, s3, dropbox or google-drive."));
		if (platform.shared() && platform != this.platforms.installationPlatform()) {
			throw new InvalidInputException("platform", "This server keeps files on "
					+ this.platforms.installationPlatform().id() + ", not " + platform.id() + ".");
		}
		if (!platform.shared() && !this.platforms.connected(admin.firmId(), platform)) {
			throw new InvalidInputException("platform", "Connect " + platform.label() + " before choosing it.");
		}
		this.platforms.choose(admin.firmId(), platform);
		return view(admin);
	}

	private StorageView view(CurrentStaff admin) {
		return new StorageView(this.platforms.installationPlatform().id(),
				this.platforms.platformFor(admin.firmId()).id(),
				List.of(Platform.DROPBOX, Platform.GOOGLE_DRIVE)
					.stream()
					.map((platform) -> new AccountJson(platform.id(), this.apps.configured(platform),
							this.accounts.find(admin.firmId(), platform)
								.map((account) -> account.status().name())
								.orElse("NOT_CONNECTED")))
					.toList());
	}

	record Choice(@NotBlank String platform) {
	}

	/**
	 * @param status CONNECTED, REVOKED (the connection was lost) or NOT_CONNECTED
	 */
	record AccountJson(String platform, boolean available, @Nullable String status) {
	}

	record StorageView(String installationPlatform, String platformForNewFolders, List<AccountJson> accounts) {
	}

}
