package app.dossier.portal;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;

import app.dossier.documents.DocumentJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The portal page's uploader: one file per request, errors as problem+json. */
@RestController
@Hidden
class PortalUploadApiController {

	private final PortalController portal;

	PortalUploadApiController(PortalController portal) {
		this.portal = portal;
	}

	@PostMapping("/portal/api/uploads")
	ResponseEntity<DocumentJson.Items> upload(CurrentContact contact,
			@RequestParam(required = false) @Nullable UUID folder, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(DocumentJson.of(this.portal.receive(contact, folder, request)));
	}

}
