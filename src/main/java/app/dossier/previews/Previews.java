package app.dossier.previews;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.documents.Document;
import app.dossier.documents.DocumentScanned;
import app.dossier.documents.DocumentUploaded;
import app.dossier.documents.DocumentVersionAdded;
import app.dossier.documents.Documents;
import app.dossier.documents.ScanStatus;
import org.springframework.core.io.Resource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes previews in the background and hands them out. Untrusted files are only parsed
 * once the virus scanner (where one runs) found them clean; a file that cannot be
 * rendered is remembered as such and shown with an icon.
 */
@Service
public class Previews {

	private static final Logger log = LoggerFactory.getLogger(Previews.class);

	private final Documents documents;

	private final PreviewStore store;

	private final Clock clock;

	Previews(Documents documents, PreviewStore store, Clock clock) {
		this.documents = documents;
		this.store = store;
		this.clock = clock;
	}

	/** The preview of the document's current bytes, if there is one. */
	@Transactional(readOnly = true)
	public Optional<Thumbnail> of(Document document) {
		if (document.scan() == ScanStatus.INFECTED || document.scan() == ScanStatus.PENDING) {
			return Optional.empty();
		}
		return this.store.find(document.firmId(), document.id(), document.sha256());
	}

	/** Whether the document has a preview to show now (for templates). */
	@Transactional(readOnly = true)
	public boolean has(Document document) {
		return Renderer.supports(document.contentType()) && of(document).isPresent();
	}

	/**
	 * Of a page's documents, the ones with a preview to show now: one query for the page
	 * where {@link #has(Document)} would be one per row.
	 */
	@Transactional(readOnly = true)
	public Set<UUID> ready(Collection<Document> documents) {
		List<Document> candidates = documents.stream()
			.filter((d) -> d.scan() != ScanStatus.INFECTED && d.scan() != ScanStatus.PENDING)
			.filter((d) -> Renderer.supports(d.contentType()))
			.toList();
		if (candidates.isEmpty()) {
			return Set.of();
		}
		return this.store.ready(candidates.get(0).firmId(), candidates);
	}

	/** The label on the icon of a document without a preview, for templates. */
	public String iconOf(Document document) {
		return switch (icon(document)) {
			case "image" -> "IMG";
			case "sheet" -> "XLS";
			case "slides" -> "PPT";
			case "video" -> "VID";
			case "audio" -> "AUD";
			case "file" -> "FILE";
			default -> icon(document).toUpperCase(java.util.Locale.ROOT);
		};
	}

	/** The CSS classes of an icon whose label {@link #iconOf} gave, for templates. */
	public String iconClass(String label) {
		return "file-icon file-icon-" + label.toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The icon of a document without a preview: pdf, image, sheet, doc, slides, zip,
	 * video, audio or file.
	 */
	public static String icon(Document document) {
		String type = document.contentType();
		if (type.equals("application/pdf")) {
			return "pdf";
		}
		if (type.startsWith("image/")) {
			return "image";
		}
		if (type.startsWith("video/")) {
			return "video";
		}
		if (type.startsWith("audio/")) {
			return "audio";
		}
		if (type.contains("spreadsheet") || type.contains("excel") || type.equals("text/csv")) {
			return "sheet";
		}
		if (type.contains("presentation") || type.contains("powerpoint")) {
			return "slides";
		}
		if (type.contains("word") || type.contains("opendocument.text") || type.equals("application/rtf")
				|| type.startsWith("text/")) {
			return "doc";
		}
		if (type.contains("zip") || type.contains("compressed") || type.contains("tar")) {
			return "zip";
		}
		return "file";
	}

	/** Whether a browser may show the file itself (a PDF or an image it can decode). */
	public static boolean viewable(Document document) {
		return Renderer.supports(document.contentType());
	}

	@ApplicationModuleListener
	void on(DocumentUploaded event) {
		make(event.firmId(), event.documentId());
	}

	@ApplicationModuleListener
	void on(DocumentVersionAdded event) {
		make(event.firmId(), event.documentId());
	}

	@ApplicationModuleListener
	void on(DocumentScanned event) {
		if (event.clean()) {
			make(event.firmId(), event.documentId());
		}
	}

	void make(UUID firmId, UUID documentId) {
		Document document = this.documents.find(firmId, documentId).orElse(null);
		if (document == null || !document.availableToCustomers() || !Renderer.supports(document.contentType())
				|| this.store.attempted(document.id(), document.sha256())) {
			return;
		}
		Thumbnail thumbnail = null;
		String detail = null;
		try {
			thumbnail = render(document);
		}
		catch (Renderer.NoPreview ex) {
			detail = ex.getMessage();
		}
		catch (IOException | RuntimeException ex) {
			detail = "the file could not be read as " + document.contentType();
			log.info("No preview for document {}: {}", document.id(), ex.toString());
		}
		this.store.save(firmId, documentId, document.sha256(), thumbnail, detail, this.clock.instant());
	}

	private Thumbnail render(Document document) throws IOException, Renderer.NoPreview {
		Resource content = this.documents.content(document);
		if (document.contentType().equals("application/pdf")) {
			// PDFBox reads a PDF by seeking: from the stored file, or a temporary copy.
			if (content.isFile()) {
				return Renderer.pdf(content.getFile().toPath());
			}
			Path copy = Files.createTempFile("dossier-preview-", ".pdf");
			try (InputStream in = content.getInputStream()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
				return Renderer.pdf(copy);
			}
			finally {
				Files.deleteIfExists(copy);
			}
		}
		try (InputStream in = content.getInputStream()) {
			return Renderer.image(in);
		}
	}

}
