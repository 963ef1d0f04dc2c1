package app.dossier.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever fails outside a controller (no such address, access denied by the security
 * chain, an unexpected exception) ends here: problem JSON for the API, a page for people.
 * Stack traces and exception messages are never shown.
 */
@Controller
class ErrorPages implements ErrorController {

	/** Resumable upload addresses answer like the API: their clients are scripts. */
	private static final java.util.regex.Pattern UPLOADS = java.util.regex.Pattern
		.compile("^/(uploads|portal/uploads|l/[^/]+/uploads)(/.*)?$");

	/**
	 * Decided by the address that failed, not by the Accept header: the API always
	 * answers problem JSON, every other address a page.
	 */
	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri != null) ? uri.toString() : "";
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		boolean api = path.startsWith("/api/") || path.startsWith("/actuator/") || UPLOADS.matcher(path).matches();
		if (api && code instanceof Integer raw && HttpStatus.resolve(raw) == null) {
			// tus's own codes, such as 460 for a piece whose checksum does not match.
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The upload request was refused (status " + raw + ").");
			problem.setStatus(raw);
			return ResponseEntity.status(raw).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		if (!api) {
			return page(status, messageFor(status));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messageFor(status));
		if (!path.isEmpty()) {
			problem.setInstance(URI.create(path));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static ModelAndView page(HttpStatus status, @Nullable String message) {
		ModelAndView page = new ModelAndView("error/page", status);
		page.addObject("status", status.value());
		page.addObject("title", titleFor(status));
		page.addObject("message", (message != null) ? message : messageFor(status));
		return page;
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String titleFor(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "Page not found";
			case FORBIDDEN -> "Not allowed";
			case GONE -> "This link no longer works";
			case TOO_MANY_REQUESTS -> "Please wait a moment";
			case CONTENT_TOO_LARGE -> "Too large";
			case UNSUPPORTED_MEDIA_TYPE -> "This kind of file is not accepted";
			default -> status.is4xxClientError() ? "Something is not right" : "Something went wrong";
		};
	}

	static String messageFor(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "This page does not exist, or the link is not valid.";
			case FORBIDDEN -> "Your account may not open this page. Ask an administrator of your firm if you need it.";
			case UNAUTHORIZED -> "Sign in to continue.";
			case METHOD_NOT_ALLOWED -> "This address does not accept that kind of request.";
			case CONTENT_TOO_LARGE -> "The request is larger than this server accepts.";
			case UNSUPPORTED_MEDIA_TYPE -> "The request's content type is not accepted here.";
			case TOO_MANY_REQUESTS -> "Too many requests. Wait a moment and try again.";
			default -> status.is4xxClientError() ? "The request could not be handled."
					: "The server could not complete the request. Nothing was changed; try again in a moment.";
		};
	}

}
