package app.dossier.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dossier.storage.*}.
 *
 * @param root where the disk store keeps files, and where uploads are staged on every
 * platform
 * @param type where firms' files go unless a firm connects its own account: {@code disk}
 * or {@code s3}
 */
@ConfigurationProperties("dossier.storage")
record StorageSettings(Path root, @DefaultValue("disk") String type) {

	Platform platform() {
		Platform platform = Platform.of(this.type)
			.orElseThrow(() -> new IllegalStateException(
					"dossier.storage.type must be disk or s3, not \"" + this.type + "\""));
		if (!platform.shared()) {
			throw new IllegalStateException("dossier.storage.type must be disk or s3; a firm connects "
					+ platform.label() + " itself, under Settings → Storage");
		}
		return platform;
	}

}
