package app.dossier.identity;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * What every browser-facing security chain shares (staff pages and the portal): the
 * response headers and the cookie that carries the CSRF token.
 */
public final class WebSecurityDefaults {

	/**
	 * No inline script or style anywhere: everything the pages run is served from here.
	 * Images may also be {@code blob:} URLs, which only the page's own script makes: the
	 * uploader's thumbnails of the files chosen.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
			+ " form-action 'self'; frame-ancestors 'none'";

	private WebSecurityDefaults() {
	}

	public static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions((frames) -> frames.deny())
			.permissionsPolicyHeader(
					(permissions) -> permissions.policy("camera=(self), microphone=(), geolocation=()"));
	}

	/**
	 * CSRF protection for pages with script: the token in a cookie the script reads and
	 * sends back as {@code X-XSRF-TOKEN}, forms carrying it masked.
	 */
	public static Customizer<CsrfConfigurer<HttpSecurity>> csrf(boolean secureCookies) {
		return (csrf) -> csrf.csrfTokenRepository(csrfTokens(secureCookies))
			.csrfTokenRequestHandler(new CsrfRequests());
	}

	private static CookieCsrfTokenRepository csrfTokens(boolean secureCookies) {
		CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		tokens.setCookieCustomizer((cookie) -> cookie.secure(secureCookies).sameSite("Lax"));
		return tokens;
	}

}
