package app.dossier.resumable;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dossier.uploads.resumable.*}: where unfinished uploads wait (on the same disk as
 * the data directory by default) and how long an untouched one is kept.
 */
@ConfigurationProperties("dossier.uploads.resumable")
record ResumableSettings(Path directory, @DefaultValue("24h") Duration expiration) {
}
