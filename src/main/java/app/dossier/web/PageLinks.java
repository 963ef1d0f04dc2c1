package app.dossier.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are. Spring would otherwise pass every link a
 * template builds through the static resources' URL rewriting, which looks each one up on
 * the class path (every jar, four locations) and caches only the ones it finds: with 25
 * documents on a portal page that was about a hundred fruitless searches per request and
 * most of the page's cost. The pages name their static files by fixed paths, so nothing
 * is lost.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
