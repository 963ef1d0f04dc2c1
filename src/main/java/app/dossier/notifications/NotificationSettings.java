package app.dossier.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dossier.notifications.*}: how long to wait for more items before sending (a
 * customer dropping ten files one by one gets one email), and the longest wait between
 * retries of a message that could not be sent.
 */
@ConfigurationProperties("dossier.notifications")
record NotificationSettings(@DefaultValue("60s") Duration quietPeriod, @DefaultValue("1h") Duration maxRetryDelay,
		@DefaultValue("10s") Duration pollInterval) {
}
