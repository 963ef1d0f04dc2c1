package app.dossier.portal;

import java.time.Clock;

import app.dossier.clients.Contacts;
import app.dossier.firms.Firms;
import app.dossier.identity.SignInReturns;
import app.dossier.identity.WebSecurityDefaults;
import app.dossier.mail.Mailer;
import app.dossier.shared.PublicAddress;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The portal's own chain: contacts sign in with one-time links and their sign-in is kept
 * under a session key of its own, so a contact is never a staff member to the staff
 * chain, and a staff session never opens the portal.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

	static final String CONTEXT_KEY = "DOSSIER_PORTAL_SECURITY_CONTEXT";

	@Bean
	@Order(2)
	SecurityFilterChain portalChain(HttpSecurity http, SignInTokens tokens, PortalSettings settings,
			Memberships memberships, Contacts contacts, Firms firms, Mailer mailer, PublicAddress address,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, Clock clock, SignInLimits limits,
			app.dossier.notifications.Notifications notifications,
			@Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) throws Exception {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(CONTEXT_KEY);
		// A failure is told by the address alone: Spring Security's handler
		// would otherwise make a session for every failed sign-in.
		SimpleUrlAuthenticationFailureHandler failures = new SimpleUrlAuthenticationFailureHandler(
				"/portal/login?invalid");
		failures.setAllowSessionCreation(false);
		SignInLinks links = new SignInLinks(settings, memberships, firms, mailer, address, executor, clock, limits,
				notifications);
		http.securityMatcher("/portal/**")
			.authorizeHttpRequests((requests1) -> requests1.requestMatchers("/portal/login", "/portal/login/**")
				.permitAll()
				.anyRequest()
				.hasRole("CONTACT"))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.requestCache(SignInReturns.portal(secureCookies)))
			.oneTimeTokenLogin((ott) -> ott.tokenGeneratingUrl("/portal/login")
				.generateRequestResolver(links)
				.tokenGenerationSuccessHandler(links)
				.tokenService(tokens)
				.authenticationProvider(new PortalSignIn(tokens, memberships, contacts, clock))
				.loginProcessingUrl("/portal/login/ott")
				.loginPage("/portal/login")
				.showDefaultSubmitPage(false)
				.failureHandler(failures)
				.defaultSuccessUrl("/portal", false))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
			.logout((logout) -> logout.logoutUrl("/portal/logout")
				.logoutSuccessUrl("/portal/login?signedOut")
				.invalidateHttpSession(false)
				.addLogoutHandler(
						(request, response, authentication) -> PortalSessions.forget(request.getSession(false))))
			.csrf(WebSecurityDefaults.csrf(secureCookies))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.addFilterBefore(new PortalSessions(settings, memberships, contexts, clock), AuthorizationFilter.class)
			.headers(WebSecurityDefaults::headers);
		return http.build();
	}

}
