package app.dossier.firms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Before the first firm exists, the sign-in page leads to setup instead. */
@Configuration(proxyBeanMethods = false)
class SetupRedirect implements HandlerInterceptor, WebMvcConfigurer {

	private final Firms firms;

	SetupRedirect(Firms firms) {
		this.firms = firms;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/", "/login");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!this.firms.anyExists()) {
			response.sendRedirect("/setup");
			return false;
		}
		return true;
	}

}
