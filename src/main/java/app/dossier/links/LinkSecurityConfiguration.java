package app.dossier.links;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.dossier.identity.WebSecurityDefaults;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The chain for secure links: nobody signs in here (a link's own session is checked by
 * {@link Recipients}), no server session is made, cookie-authenticated changes need the
 * CSRF token as everywhere else, and nothing under {@code /l/} is cached or sends a
 * referrer, since the address itself is the secret.
 */
@Configuration(proxyBeanMethods = false)
class LinkSecurityConfiguration {

	@Bean
	@Order(3)
	SecurityFilterChain linkChain(HttpSecurity http,
			@Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) throws Exception {
		http.securityMatcher("/l/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf(WebSecurityDefaults.csrf(secureCookies))
			.addFilterBefore(new NoStore(), HeaderWriterFilter.class)
			.headers(WebSecurityDefaults::headers);
		return http.build();
	}

	/** Set first, so a download's own caching header cannot loosen it. */
	static final class NoStore extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			chain.doFilter(request, response);
		}

	}

}
