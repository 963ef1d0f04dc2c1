package app.dossier.web;

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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The same domain errors from page controllers, as a page a person can read. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return ErrorPages.page(HttpStatus.NOT_FOUND, "This page does not exist, or the link is not valid.");
	}

	@ExceptionHandler(GoneException.class)
	ModelAndView gone(GoneException ex) {
		return ErrorPages.page(HttpStatus.GONE, ex.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden(ForbiddenException ex) {
		return ErrorPages.page(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		return ErrorPages.page(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex) {
		return ErrorPages.page(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(TooManyAttemptsException.class)
	ModelAndView tooMany(TooManyAttemptsException ex) {
		return ErrorPages.page(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
	}

	@ExceptionHandler(TooLargeException.class)
	ModelAndView tooLarge(TooLargeException ex) {
		return ErrorPages.page(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
	}

	@ExceptionHandler(UnsupportedContentException.class)
	ModelAndView unsupported(UnsupportedContentException ex) {
		return ErrorPages.page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage());
	}

	@ExceptionHandler(UnavailableException.class)
	ModelAndView unavailable(UnavailableException ex) {
		return ErrorPages.page(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

}
