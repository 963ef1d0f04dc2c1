package app.dossier.portal;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets portal controllers take a {@link CurrentContact} parameter. */
@Configuration(proxyBeanMethods = false)
class CurrentContactResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentContact.class;
	}

	@Override
	public CurrentContact resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
			NativeWebRequest request, WebDataBinderFactory binders) {
		Object current = request.getAttribute(PortalSessions.CURRENT, RequestAttributes.SCOPE_REQUEST);
		if (current instanceof CurrentContact contact) {
			return contact;
		}
		throw new AuthenticationCredentialsNotFoundException("No contact is signed in");
	}

}
