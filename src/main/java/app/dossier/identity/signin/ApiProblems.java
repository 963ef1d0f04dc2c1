package app.dossier.identity.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** RFC 9457 answers for requests the API chain turns away before any controller runs. */
@Component
class ApiProblems {

	private final JsonMapper json;

	ApiProblems(JsonMapper json) {
		this.json = json;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean presented = request.getHeader("Authorization") != null;
		response.setHeader("WWW-Authenticate",
				presented ? "Bearer realm=\"dossier\", error=\"invalid_token\"" : "Bearer realm=\"dossier\"");
		write(request, response, HttpStatus.UNAUTHORIZED,
				presented
						? "The bearer token is unknown, expired or revoked. Create a new one with POST /api/v1/tokens."
						: "Send a bearer token in the Authorization header. Create one with POST /api/v1/tokens.");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Your account may not do this.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
