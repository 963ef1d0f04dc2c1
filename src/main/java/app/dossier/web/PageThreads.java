package app.dossier.web;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Pages and API calls served in arrival order on a few platform threads
 * ({@link PageQueue}), uploads and downloads on their requests' virtual threads; with
 * {@code dossier.web.page-threads=0}, every request on its virtual thread and kept-alive
 * connections taking turns ({@link TakingTurns}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageThreadSettings.class)
class PageThreads {

	@Bean
	FilterRegistrationBean<Filter> pageQueueFilter(PageThreadSettings settings,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		Streams streams = new Streams(() -> Streams.downloadsOf(mappings.getObject()));
		// With page-threads 0 the filter stays off; its pool, which cannot have
		// no threads, then never starts one.
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new PageQueue(Math.max(settings.threads(), 1), streams));
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setEnabled(settings.onPool());
		return registration;
	}

}
