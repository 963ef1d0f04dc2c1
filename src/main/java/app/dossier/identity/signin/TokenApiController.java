package app.dossier.identity.signin;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.dossier.identity.tokens.TokenService;
import app.dossier.identity.tokens.TokenService.IssuedToken;
import app.dossier.shared.TooManyAttemptsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges an email and password for a short-lived bearer token. */
@RestController
@Tag(name = "Tokens")
class TokenApiController {

	private final AuthenticationManager authentication;

	private final TokenService tokens;

	TokenApiController(AuthenticationManager authentication, TokenService tokens) {
		this.authentication = authentication;
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(summary = "Sign in with email and password and receive a bearer token")
	TokenResponse create(@Valid @RequestBody SignIn request, HttpServletRequest http) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
			.unauthenticated(request.email(), request.password());
		attempt.setDetails(new WebAuthenticationDetails(http));
		Authentication result;
		try {
			result = this.authentication.authenticate(attempt);
		}
		catch (SignInThrottledException ex) {
			throw new TooManyAttemptsException(ex.advice(), ex.retryAfter());
		}
		StaffPrincipal principal = (StaffPrincipal) result.getPrincipal();
		IssuedToken issued = this.tokens.issueSessionToken(principal.firmId(), principal.staffId(),
				principal.getUsername(), http.getRemoteAddr());
		return new TokenResponse(issued.secret(), issued.token().expiresAt());
	}

	/** Unknown address, wrong password and disabled account: one answer, by status. */
	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> rejected(AuthenticationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				LoginController.messageFor(ex));
		problem.setTitle("Sign-in failed");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	record SignIn(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {

		@Override
		public String toString() {
			return "SignIn[email=" + this.email + "]";
		}

	}

	record TokenResponse(String token, Instant expiresAt) {

		@Override
		public String toString() {
			return "TokenResponse[expiresAt=" + this.expiresAt + "]";
		}

	}

}
