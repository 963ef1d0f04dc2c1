package app.dossier.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dossier.portal.*}: how long sign-in links and portal sessions last, and how many
 * sign-in links may be asked for in 15 minutes per address and per client IP.
 */
@ConfigurationProperties("dossier.portal")
record PortalSettings(@DefaultValue("15m") Duration signInLinkLifetime, @DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("12h") Duration absoluteTimeout, @DefaultValue("5") int signInLinksPerAddress,
		@DefaultValue("30") int signInRequestsPerIp) {
}
