package app.dossier.web;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where to open it and where its data lives. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final Path dataDir;

	StartupBanner(@Value("${dossier.data-dir}") Path dataDir) {
		this.dataDir = dataDir;
	}

	@EventListener
	void started(WebServerInitializedEvent event) {
		log.info("Dossier is running at http://localhost:{}/ (data in {})", event.getWebServer().getPort(),
				this.dataDir.toAbsolutePath().normalize());
	}

}
