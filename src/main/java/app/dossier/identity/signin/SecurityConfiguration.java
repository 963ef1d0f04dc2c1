package app.dossier.identity.signin;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import app.dossier.identity.SignInReturns;
import app.dossier.identity.WebSecurityDefaults;
import app.dossier.identity.staff.StaffMembers;
import app.dossier.identity.tokens.TokenService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Two separate chains: the API accepts bearer tokens only (no cookies, so no CSRF to
 * forge), the web pages a session cookie with CSRF protection. Later modules (the
 * customer portal) add chains of their own with a higher precedence.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] PUBLIC_PAGES = { "/login", "/setup", "/invitations/**", "/css/**", "/js/**", "/img/**",
			"/vendor/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**" };

	@Bean
	ThrottledAuthenticationProvider passwordSignIn(PasswordEncoder encoder, LoginThrottle throttle,
			StaffMembers members, Clock clock) {
		return new ThrottledAuthenticationProvider(new StaffAccounts(members), encoder, throttle, members, clock);
	}

	@Bean
	AuthenticationManager authenticationManager(ThrottledAuthenticationProvider passwordSignIn) {
		return new ProviderManager(passwordSignIn);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, ApiProblems problems) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.POST, "/api/v1/tokens", "/api/v1/firms")
						.permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**")
						.permitAll()
						.requestMatchers("/actuator/**")
						.hasRole("ADMIN")
						.anyRequest()
						.authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.oauth2ResourceServer((server) -> server
				.opaqueToken((opaque) -> opaque.introspector(introspector(tokens))
					.authenticationConverter((token, principal) -> UsernamePasswordAuthenticationToken
						.authenticated(principal.getAttribute("staff"), null, principal.getAuthorities())))
				.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	private static OpaqueTokenIntrospector introspector(TokenService tokens) {
		return (secret) -> tokens.resolve(secret).map(StaffPrincipal::of).map((principal) -> {
			Map<String, Object> attributes = Map.of("staff", principal);
			return new DefaultOAuth2AuthenticatedPrincipal(principal.getUsername(), attributes,
					List.<GrantedAuthority>copyOf(principal.getAuthorities()));
		}).orElseThrow(() -> new BadOpaqueTokenException("The token is unknown, expired or revoked"));
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain webChain(HttpSecurity http, StaffMembers members,
			@Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
			.formLogin(SecurityConfiguration::loginForm)
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?signedOut")
				.deleteCookies("DOSSIER_SESSION"))
			.requestCache((cache) -> cache.requestCache(SignInReturns.staff(secureCookies)))
			.csrf(WebSecurityDefaults.csrf(secureCookies))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.addFilterBefore(new StaffSessionRefreshFilter(members), AuthorizationFilter.class)
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	private static void loginForm(FormLoginConfigurer<HttpSecurity> form) {
		form.loginPage("/login").failureHandler(new LoginFailures()).defaultSuccessUrl("/", false);
	}

	static void headers(HeadersConfigurer<HttpSecurity> headers) {
		WebSecurityDefaults.headers(headers);
	}

}
