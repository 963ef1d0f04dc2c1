package app.dossier.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.ConflictException;
import app.dossier.shared.ForbiddenException;
import app.dossier.shared.GoneException;
import app.dossier.shared.InvalidInputException;
import app.dossier.shared.NotFoundException;
import app.dossier.shared.TooLargeException;
import app.dossier.shared.TooManyAttemptsException;
import app.dossier.shared.UnavailableException;
import app.dossier.shared.UnsupportedContentException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error from an API controller as {@code application/problem+json}: Spring MVC's
 * own (malformed JSON, missing fields, wrong types) and the domain's.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Object> notFound(NotFoundException ex, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalid(InvalidInputException ex, HttpServletRequest request) {
		ProblemDetail problem = detail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage(), request);
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		return respond(problem, new HttpHeaders());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Object> conflict(ConflictException ex, HttpServletRequest request) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(), request);
	}

	@ExceptionHandler(GoneException.class)
	ResponseEntity<Object> gone(GoneException ex, HttpServletRequest request) {
		return problem(HttpStatus.GONE, ex.getMessage(), request);
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<Object> forbidden(ForbiddenException ex, HttpServletRequest request) {
		return problem(HttpStatus.FORBIDDEN, ex.getMessage(), request);
	}

	@ExceptionHandler(TooManyAttemptsException.class)
	ResponseEntity<Object> tooMany(TooManyAttemptsException ex, HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
		return respond(detail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage(), request), headers);
	}

	@ExceptionHandler(TooLargeException.class)
	ResponseEntity<Object> tooLarge(TooLargeException ex, HttpServletRequest request) {
		// The rest of an oversized body is not read, so the connection cannot be reused.
		HttpHeaders headers = new HttpHeaders();
		headers.setConnection("close");
		return respond(detail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage(), request), headers);
	}

	@ExceptionHandler(UnsupportedContentException.class)
	ResponseEntity<Object> unsupported(UnsupportedContentException ex, HttpServletRequest request) {
		ProblemDetail problem = detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage(), request);
		problem.setProperty("detectedType", ex.detectedType());
		return respond(problem, new HttpHeaders());
	}

	@ExceptionHandler(UnavailableException.class)
	ResponseEntity<Object> unavailable(UnavailableException ex, HttpServletRequest request) {
		logger.error("Request failed: " + ex.getMessage(), ex);
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		if (ex.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
			// A malformed id cannot name anything the caller may see.
			return problem(HttpStatus.NOT_FOUND, "Nothing was found at this address.", request);
		}
		return problem(HttpStatus.BAD_REQUEST, "The parameter '" + ex.getName() + "' has an invalid value.", request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest http = ((ServletWebRequest) request).getRequest();
		if (JsonBodyLimit.exceeded(ex)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than this endpoint accepts.",
					http);
		}
		return problem(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape, or a required field is missing.", http);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest http = ((ServletWebRequest) request).getRequest();
		ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "Some fields are missing or invalid.", http);
		problem.setProperty("errors",
				ex.getFieldErrors()
					.stream()
					.map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
					.toList());
		return respond(problem, new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ResponseEntity<Object> problem(HttpStatus status, @Nullable String message,
			HttpServletRequest request) {
		return respond(detail(status, message, request), new HttpHeaders());
	}

	private static ProblemDetail detail(HttpStatus status, @Nullable String message, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				(message != null) ? message : status.getReasonPhrase());
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	record FieldProblem(String field, @Nullable String message) {
	}

}
