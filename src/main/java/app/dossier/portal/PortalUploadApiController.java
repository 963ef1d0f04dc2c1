package app.dossier.portal;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;

import app.dossier.documents.Document;
import app.dossier.documents.DocumentJson;
import app.dossier.documents.Uploads;
import app.dossier.resumable.ResumableUploads;
import app.dossier.resumable.UploadTarget;
import app.dossier.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The portal page's uploader: one file per request, errors as problem+json. */
@RestController
@Hidden
class PortalUploadApiController {

	private final PortalController portal;

	private final ResumableUploads resumable;

	private final Uploads uploads;

	PortalUploadApiController(PortalController portal, ResumableUploads resumable, Uploads uploads) {
		this.portal = portal;
		this.resumable = resumable;
		this.uploads = uploads;
	}

	/**
	 * Resumable uploads (tus) into a folder the contact may upload to. Metadata:
	 * {@code filename}, {@code folderId}.
	 */
	@RequestMapping(path = { "/portal/uploads", "/portal/uploads/{id}" }, method = { RequestMethod.POST,
			RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.DELETE, RequestMethod.OPTIONS })
	void resumable(CurrentContact contact, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.resumable.handle(request, response, new UploadTarget() {

			@Override
			public String owner() {
				return "contact:" + contact.contactId();
			}

			@Override
			public void admit(long length, Map<String, String> metadata) {
				PortalUploadApiController.this.portal.uploadOptions(contact, folder(metadata), null);
				ResumableUploads.requireAtMost(length,
						PortalUploadApiController.this.uploads.firmLimits(contact.firmId()).maxFileSize(),
						contact.firmName());
				UploadTarget.fileName(metadata);
			}

			@Override
			public Document finish(Map<String, String> metadata, Uploads.Arrived data) throws IOException {
				return PortalUploadApiController.this.uploads.receive(contact.uploader(), contact.firmId(),
						contact.clientId(), UploadTarget.fileName(metadata), data,
						PortalUploadApiController.this.uploads.firmLimits(contact.firmId()),
						PortalUploadApiController.this.portal.uploadOptions(contact, folder(metadata), null));
			}

		});
	}

	private static UUID folder(Map<String, String> metadata) {
		try {
			return UUID.fromString(metadata.getOrDefault("folderId", "").strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("folderId", "Choose the folder to upload to (Upload-Metadata folderId).");
		}
	}

	@PostMapping("/portal/api/uploads")
	ResponseEntity<DocumentJson.Items> upload(CurrentContact contact,
			@RequestParam(required = false) @Nullable UUID folder, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(DocumentJson.of(this.portal.receive(contact, folder, request)));
	}

}
