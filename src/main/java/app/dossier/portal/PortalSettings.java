package app.dossier.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code dossier.portal.*}: how long sign-in links and portal sessions last. */
@ConfigurationProperties("dossier.portal")
record PortalSettings(@DefaultValue("15m") Duration signInLinkLifetime, @DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("12h") Duration absoluteTimeout) {
}
