package app.dossier.firms;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.dossier.identity.Actor;
import app.dossier.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Self-service creation of more firms, only where the operator switched it on. */
@RestController
@Tag(name = "Firms")
class SignupApiController {

	private final FirmOnboarding onboarding;

	private final SignupSettings settings;

	SignupApiController(FirmOnboarding onboarding, SignupSettings settings) {
		this.onboarding = onboarding;
		this.settings = settings;
	}

	@PostMapping("/api/v1/firms")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(summary = "Create a firm and its administrator (only when dossier.signup.enabled=true)")
	FirmView signUp(@Valid @RequestBody SignUp request, HttpServletRequest http) {
		if (!this.settings.enabled()) {
			throw new NotFoundException("Signup");
		}
		Firm firm = this.onboarding.signUp(new FirmOnboarding.NewFirm(request.name(), request.adminName(),
				request.adminEmail(), request.adminPassword()), Actor.anonymous(http.getRemoteAddr()));
		return new FirmView(firm.id(), firm.name(), firm.slug());
	}

	record SignUp(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String adminName,
			@NotBlank @Size(max = 320) String adminEmail, @NotBlank @Size(max = 1024) String adminPassword) {

		@Override
		public String toString() {
			return "SignUp[name=" + this.name + ", adminEmail=" + this.adminEmail + "]";
		}

	}

	record FirmView(UUID id, String name, String slug) {
	}

}
