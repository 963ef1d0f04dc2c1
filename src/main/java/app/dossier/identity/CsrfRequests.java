package app.dossier.identity;

import java.util.function.Supplier;

import app.dossier.shared.ConcurrentSecureRandom;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * CSRF tokens handled as Spring Security's {@code csrf().spa()} handles them: a page gets
 * the token masked afresh each time (BREACH), the page's script sends the cookie's plain
 * value back in a header, a form sends the masked one. The only difference is where the
 * mask's random bytes come from: Spring's default generator serves every request under
 * one monitor, which stalled requests for seconds on virtual threads (see
 * {@link ConcurrentSecureRandom}).
 */
final class CsrfRequests implements CsrfTokenRequestHandler {

	private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	CsrfRequests() {
		this.masked.setSecureRandom(ConcurrentSecureRandom.shared());
		// Loads the token on every request, so its cookie is always there for the script.
		this.masked.setCsrfRequestAttributeName(null);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.masked.handle(request, response, csrfToken);
	}

	@Override
	public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		boolean fromScript = StringUtils.hasText(request.getHeader(csrfToken.getHeaderName()));
		return (fromScript ? this.plain : this.masked).resolveCsrfTokenValue(request, csrfToken);
	}

}
