package app.dossier.scanning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dossier.scan.*}: where clamd listens, how long one scan may take, and how often
 * documents still waiting are tried again.
 */
@ConfigurationProperties("dossier.scan")
record ScanSettings(@DefaultValue Clamd clamd, @DefaultValue("1m") Duration retryInterval) {

	record Clamd(@DefaultValue("") String host, @DefaultValue("3310") int port, @DefaultValue("10m") Duration timeout) {
	}

}
