package app.dossier.firms;

import org.jspecify.annotations.Nullable;

/** Settings an administrator changes; null leaves a setting as it is. */
public record SettingsChange(@Nullable String firmName, @Nullable String customersRootFolder,
		@Nullable Boolean customerUploadsEnabled, @Nullable Boolean newDocumentsVisibleByDefault,
		@Nullable Long maxFileSize, @Nullable Integer maxFilesPerUpload, @Nullable Integer maxLinkDays,
		java.util.@Nullable List<String> allowedTypes) {

	public static SettingsChange name(String firmName) {
		return new SettingsChange(firmName, null, null, null, null, null, null, null);
	}

}
