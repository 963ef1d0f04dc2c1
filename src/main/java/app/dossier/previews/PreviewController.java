package app.dossier.previews;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.dossier.documents.Document;
import app.dossier.documents.Documents;
import app.dossier.documents.Downloads;
import app.dossier.documents.Uploader;
import app.dossier.identity.CurrentStaff;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Previews and the inline viewer for staff, in the app and in the API. */
@RestController
@Tag(name = "Documents")
class PreviewController {

	private final Documents documents;

	private final Previews previews;

	PreviewController(Documents documents, Previews previews) {
		this.documents = documents;
		this.previews = previews;
	}

	@GetMapping({ "/documents/{id}/preview", "/api/v1/documents/{id}/preview" })
	@Operation(summary = "A JPEG preview of an image or a PDF's first page (404 when there is none)")
	ResponseEntity<byte[]> preview(CurrentStaff caller, @PathVariable UUID id) {
		Document document = this.documents.get(caller.firmId(), id);
		return PreviewResponses.of(document, this.previews.of(document));
	}

	@GetMapping({ "/documents/{id}/view", "/api/v1/documents/{id}/view" })
	@Operation(summary = "The document itself to show in the browser: PDFs and images inline in a sandbox,"
			+ " anything else as a download")
	ResponseEntity<Resource> view(CurrentStaff caller, @PathVariable UUID id) {
		Documents.Download download = this.documents.download(Uploader.staff(caller), caller.firmId(), id, true);
		return Downloads.inline(download, Previews.viewable(download.document()));
	}

}
