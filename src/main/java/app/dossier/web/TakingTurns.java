package app.dossier.web;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Connections take turns. Tomcat serves a kept-alive connection's next request on the
 * same thread as soon as it has arrived, and a client that answers quickly keeps its
 * thread for up to a hundred requests; on virtual threads that thread keeps its carrier
 * meanwhile, and every other connection's request waits behind it. Under load that made
 * most answers take a millisecond and the rest most of a second (docs/benchmarks.md).
 * Here the second and later requests a thread serves first yield, which puts the thread
 * behind the requests already waiting for a carrier. A thread's first request has waited
 * its turn already and goes on. Used when {@code dossier.web.page-threads} is 0;
 * otherwise {@link PageQueue} serves pages in arrival order.
 */
@Configuration(proxyBeanMethods = false)
class TakingTurns {

	@Bean
	FilterRegistrationBean<Filter> takingTurnsFilter(PageThreadSettings settings) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Turns());
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		// With the page queue, the pages' work is served in arrival order already.
		registration.setEnabled(!settings.onPool());
		return registration;
	}

	static final class Turns implements Filter {

		private static final ThreadLocal<Boolean> SERVED_ONE = new ThreadLocal<>();

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (Thread.currentThread().isVirtual()) {
				if (SERVED_ONE.get() != null) {
					Thread.yield();
				}
				else {
					SERVED_ONE.set(Boolean.TRUE);
				}
			}
			chain.doFilter(request, response);
		}

	}

}
