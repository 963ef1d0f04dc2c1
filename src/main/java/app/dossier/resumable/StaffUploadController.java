package app.dossier.resumable;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.dossier.clients.Clients;
import app.dossier.documents.Document;
import app.dossier.documents.UploadLimits;
import app.dossier.documents.Uploader;
import app.dossier.documents.Uploads;
import app.dossier.identity.CurrentStaff;
import app.dossier.shared.InvalidInputException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable uploads for staff: {@code /api/v1/uploads} with a bearer token, and
 * {@code /uploads} for the app's own uploader (session cookie and CSRF header). Metadata:
 * {@code filename}, {@code clientId}; optional {@code folderId}, {@code notes},
 * {@code documentDate}, {@code visibleToClient} and {@code showOnDashboard}, as the
 * fields of a multipart upload.
 */
@RestController
@Tag(name = "Documents")
class StaffUploadController {

	private final ResumableUploads resumable;

	private final Uploads uploads;

	private final Clients clients;

	StaffUploadController(ResumableUploads resumable, Uploads uploads, Clients clients) {
		this.resumable = resumable;
		this.uploads = uploads;
		this.clients = clients;
	}

	@RequestMapping(path = { "/api/v1/uploads", "/api/v1/uploads/{id}", "/uploads", "/uploads/{id}" },
			method = { RequestMethod.POST, RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.DELETE,
					RequestMethod.OPTIONS })
	@Operation(summary = "Resumable upload (tus 1.0: creation, creation-with-upload, termination, checksum,"
			+ " expiration). Upload-Metadata: filename, clientId; optional folderId, notes, documentDate,"
			+ " visibleToClient, showOnDashboard (as in a multipart upload). The final PATCH answers"
			+ " Dossier-Document-Id.")
	void upload(CurrentStaff caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.resumable.handle(request, response, new StaffTarget(caller));
	}

	private final class StaffTarget implements UploadTarget {

		private final CurrentStaff caller;

		StaffTarget(CurrentStaff caller) {
			this.caller = caller;
		}

		@Override
		public String owner() {
			return "staff:" + this.caller.staffId();
		}

		@Override
		public void admit(long length, Map<String, String> metadata) {
			UUID client = clientId(metadata);
			StaffUploadController.this.clients.get(this.caller.firmId(), client);
			ResumableUploads.requireAtMost(length, limits().maxFileSize(), "your firm");
			UploadTarget.fileName(metadata);
			Uploads.staffOptions(metadata);
		}

		@Override
		public Document finish(Map<String, String> metadata, Uploads.Arrived data) throws IOException {
			return StaffUploadController.this.uploads.receive(Uploader.staff(this.caller), this.caller.firmId(),
					clientId(metadata), UploadTarget.fileName(metadata), data, limits(),
					Uploads.staffOptions(metadata));
		}

		private UploadLimits limits() {
			return StaffUploadController.this.uploads.firmLimits(this.caller.firmId());
		}

	}

	private static UUID clientId(Map<String, String> metadata) {
		String value = metadata.get("clientId");
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("clientId", "Give the client's id in Upload-Metadata (clientId).");
		}
		return uuid("clientId", value);
	}

	static UUID uuid(String field, String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "This is not a valid id.");
		}
	}

}
