package app.dossier.documents;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;

import app.dossier.identity.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Files tab's uploader posts here, one file per request so each has its own progress
 * bar, with the session and the CSRF header; errors come back as problem+json for the
 * page to show.
 */
@RestController
@Hidden
class FileUploadController {

	private final Uploads uploads;

	FileUploadController(Uploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping("/clients/{id}/documents")
	ResponseEntity<DocumentJson.Items> upload(CurrentStaff caller, @PathVariable UUID id, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(DocumentJson.of(this.uploads.receive(Uploader.staff(caller), caller.firmId(), id, request)));
	}

}
