package app.dossier.web;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dossier.web.page-threads}: how many platform threads serve pages and API calls,
 * in the order they arrive ({@link PageQueue}); unset, two per core. {@code 0} serves
 * them on their requests' virtual threads instead. Uploads and downloads run on virtual
 * threads either way ({@link Streams}).
 */
@ConfigurationProperties("dossier.web")
record PageThreadSettings(@Nullable Integer pageThreads) {

	PageThreadSettings {
		if (pageThreads != null && pageThreads < 0) {
			throw new IllegalArgumentException("dossier.web.page-threads must be 0 or more, not " + pageThreads);
		}
	}

	int threads() {
		return (this.pageThreads != null) ? this.pageThreads : 2 * Runtime.getRuntime().availableProcessors();
	}

	boolean onPool() {
		return threads() > 0;
	}

}
