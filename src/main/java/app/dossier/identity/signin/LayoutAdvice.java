package app.dossier.identity.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.CurrentStaff;
import app.dossier.identity.FirmNames;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in person and their firm's name for the header. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final FirmNames firms;

	LayoutAdvice(FirmNames firms) {
		this.firms = firms;
	}

	@ModelAttribute("me")
	@Nullable CurrentStaff me(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal)
				? principal.toCurrentStaff(request.getRemoteAddr()) : null;
	}

	@ModelAttribute("firmName")
	@Nullable String firmName() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal)
				? this.firms.nameOf(principal.firmId()) : null;
	}

}
