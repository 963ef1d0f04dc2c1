package app.dossier.links;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;

import app.dossier.documents.Document;
import app.dossier.resumable.ResumableUploads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A link's JSON for scripts and the uploader: unlock with the code, list, upload. Errors
 * are problem+json.
 */
@RestController
@Hidden
class RecipientApiController {

	private final Recipients recipients;

	private final ResumableUploads resumable;

	private final boolean secureCookies;

	RecipientApiController(Recipients recipients, ResumableUploads resumable,
			@Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) {
		this.recipients = recipients;
		this.resumable = resumable;
		this.secureCookies = secureCookies;
	}

	@PostMapping(path = "/l/{token}/unlock", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Unlocked> unlock(@PathVariable String token, @RequestBody Map<String, Object> body,
			HttpServletRequest request) {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), null);
		Object code = body.get("code");
		String secret = this.recipients.unlock(visit, (code instanceof String text) ? text : null);
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE, RecipientController.cookie(token, secret, this.secureCookies).toString())
			.body(new Unlocked(visit.link().kind(), visit.firmName(), visit.link().message(),
					visit.link().expiresAt()));
	}

	@GetMapping(path = "/l/{token}/files", produces = MediaType.APPLICATION_JSON_VALUE)
	Files list(@PathVariable String token,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			HttpServletRequest request) {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), session);
		return new Files(this.recipients.offered(visit).stream().map((d) -> File.of(token, d)).toList());
	}

	@PostMapping(path = "/l/{token}/files", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Files> upload(@PathVariable String token,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), session);
		List<Document> received = this.recipients.receive(visit, request, userAgent);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Files(received.stream().map((d) -> File.of(token, d)).toList()));
	}

	/**
	 * Resumable uploads (tus) in an unlocked visit of an upload link. Metadata:
	 * {@code filename}.
	 */
	@RequestMapping(path = { "/l/{token}/uploads", "/l/{token}/uploads/{id}" }, method = { RequestMethod.POST,
			RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.DELETE, RequestMethod.OPTIONS })
	void resumable(@PathVariable String token,
			@CookieValue(name = LinkSessions.COOKIE, required = false) @Nullable String session,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Recipients.Visit visit = this.recipients.visit(token, request.getRemoteAddr(), session);
		if (visit.sessionId() == null && !"OPTIONS".equals(request.getMethod())) {
			throw new Recipients.CodeRequired();
		}
		this.resumable.handle(request, response, this.recipients.resumable(visit, userAgent));
	}

	@ExceptionHandler(Recipients.CodeRequired.class)
	ResponseEntity<ProblemDetail> codeRequired(Recipients.CodeRequired ex, HttpServletRequest request) {
		return problem(HttpStatus.UNAUTHORIZED, "Enter the link's security code first (POST …/unlock).", request);
	}

	@ExceptionHandler(Recipients.WrongCode.class)
	ResponseEntity<ProblemDetail> wrongCode(Recipients.WrongCode ex, HttpServletRequest request) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNAUTHORIZED, ex.getMessage(), request);
		java.util.Objects.requireNonNull(response.getBody()).setProperty("triesLeft", ex.triesLeft());
		return response;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, @Nullable String message,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	record Unlocked(LinkKind kind, String firmName, @Nullable String message, Instant expiresAt) {
	}

	record Files(List<File> items) {
	}

	record File(UUID id, String name, long size, String contentType, String sha256, Instant createdAt, String url) {

		static File of(String token, Document document) {
			return new File(document.id(), document.name(), document.size(), document.contentType(), document.sha256(),
					document.createdAt(), "/l/" + token + "/files/" + document.id());
		}

	}

}
