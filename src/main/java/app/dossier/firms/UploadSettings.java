package app.dossier.firms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code dossier.uploads.*}: the server-wide ceiling on what a firm's own upload limits
 * may be set to.
 */
@ConfigurationProperties("dossier.uploads")
record UploadSettings(@DefaultValue("10GB") DataSize maxFileSize, @DefaultValue("100") int maxFilesPerUpload) {
}
