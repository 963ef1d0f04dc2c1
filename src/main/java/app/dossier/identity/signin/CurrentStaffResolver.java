package app.dossier.identity.signin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import app.dossier.identity.CurrentStaff;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets any controller take a {@link CurrentStaff} parameter. */
@Configuration(proxyBeanMethods = false)
class CurrentStaffResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentStaff.class;
	}

	@Override
	public CurrentStaff resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
			return principal.toCurrentStaff((http != null) ? http.getRemoteAddr() : "unknown");
		}
		throw new AuthenticationCredentialsNotFoundException("No staff member is signed in");
	}

}
