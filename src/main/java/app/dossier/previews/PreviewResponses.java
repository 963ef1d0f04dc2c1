package app.dossier.previews;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import app.dossier.documents.Document;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A preview as an HTTP response: a JPEG made here, so it is safe to show, still marked so
 * no browser second-guesses its type; 404 when the document has none.
 */
public final class PreviewResponses {

	private PreviewResponses() {
	}

	public static ResponseEntity<byte[]> of(Document document, Optional<Thumbnail> thumbnail) {
		return thumbnail
			.map((t) -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_JPEG)
				.eTag("\"" + document.sha256() + "\"")
				.cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate())
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "sandbox; default-src 'none'")
				.body(t.jpeg()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
