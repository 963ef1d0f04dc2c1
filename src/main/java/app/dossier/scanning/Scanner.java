package app.dossier.scanning;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.documents.Document;
import app.dossier.documents.DocumentUploaded;
import app.dossier.documents.DocumentVersionAdded;
import app.dossier.documents.Documents;
import app.dossier.documents.ScanStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scans each new document (or version) as soon as it is committed, and every document
 * still waiting at each retry interval, so a clamd outage or a restart only delays the
 * verdict. The verdict is recorded only for the bytes that were scanned.
 */
@Component
@ConditionalOnExpression("!'${dossier.scan.clamd.host:}'.isBlank()")
class Scanner implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Scanner.class);

	private static final int BATCH = 20;

	private final Documents documents;

	private final Clamd clamd;

	Scanner(Documents documents, ScanSettings settings) {
		this.documents = documents;
		this.clamd = new Clamd(settings.clamd());
	}

	@ApplicationModuleListener
	void on(DocumentUploaded event) {
		scan(event.firmId(), event.documentId());
	}

	@ApplicationModuleListener
	void on(DocumentVersionAdded event) {
		scan(event.firmId(), event.documentId());
	}

	@Scheduled(fixedDelayString = "${dossier.scan.retry-interval:1m}", initialDelay = 5_000)
	@SchedulerLock(name = "virus-scan-retry", lockAtMostFor = "PT30M")
	public void scanWaiting() {
		List<Document> waiting = this.documents.pendingScans(BATCH);
		for (Document document : waiting) {
			if (!scan(document)) {
				// clamd is down: the rest waits for the next round.
				return;
			}
		}
	}

	private void scan(UUID firmId, UUID documentId) {
		this.documents.find(firmId, documentId).filter((d) -> d.scan() == ScanStatus.PENDING).ifPresent(this::scan);
	}

	/** False when clamd could not give a verdict. */
	private boolean scan(Document document) {
		try (InputStream content = this.documents.content(document).getInputStream()) {
			@Nullable String found = this.clamd.scan(content);
			this.documents.scanned(document, found == null, found);
			if (found != null) {
				log.warn("Document {} quarantined: {}", document.id(), found);
			}
			return true;
		}
		catch (Clamd.Unreachable ex) {
			log.warn("Document {} stays pending until clamd answers: {}", document.id(), ex.getMessage());
			return false;
		}
		catch (IOException ex) {
			log.warn("Document {} could not be read for scanning: {}", document.id(), ex.getMessage());
			return true;
		}
	}

	@Override
	public void close() {
		this.clamd.close();
	}

}
