package app.dossier.shared;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where people reach this server, for links in emails and messages: the configured
 * {@code dossier.base-url}, or {@code http://localhost:<port>} with the port the server
 * actually listens on. Never taken from a request's Host header, which a client chooses.
 */
@Component
public class PublicAddress {

	private final String configured;

	private volatile String detected = "http://localhost:8080";

	PublicAddress(@Value("${dossier.base-url:}") String configured) {
		String trimmed = configured.strip().replaceAll("/+$", "");
		if (!trimmed.isEmpty()) {
			URI uri = URI.create(trimmed);
			if (uri.getScheme() == null || uri.getHost() == null) {
				throw new IllegalStateException("dossier.base-url must be an absolute http(s) URL, not " + trimmed);
			}
		}
		this.configured = trimmed;
	}

	@EventListener
	void listening(WebServerInitializedEvent event) {
		this.detected = "http://localhost:" + event.getWebServer().getPort();
	}

	public String baseUrl() {
		return this.configured.isEmpty() ? this.detected : this.configured;
	}

	/** An absolute link to a path on this server, such as {@code /invitations/…}. */
	public String link(String path) {
		return baseUrl() + (path.startsWith("/") ? path : "/" + path);
	}

}
