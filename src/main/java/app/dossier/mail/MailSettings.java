package app.dossier.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender address, with an optional display name
 * @param outboxDir where messages go as {@code .eml} files when no SMTP server is set
 */
@ConfigurationProperties("dossier.mail")
public record MailSettings(String from, Path outboxDir) {
}
