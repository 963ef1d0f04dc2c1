package app.dossier.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dossier.storage.*}: where the local disk store keeps files. */
@ConfigurationProperties("dossier.storage")
record StorageSettings(Path root) {
}
