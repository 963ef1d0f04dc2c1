package app.dossier.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs in through the login form, as a browser does, and keeps the session cookie. */
public final class WebSession {

	private WebSession() {
	}

	/** The {@code Cookie} header value of a signed-in session. */
	public static String signIn(Http http, String email, String password) {
		Http.Response response = http.postForm("/login", Map.of("username", email, "password", password), null);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).as("signed in").doesNotContain("error");
		return sessionCookie(response);
	}

	/** The session cookie's name and value, ready for a {@code Cookie} header. */
	public static String sessionCookie(Http.Response response) {
		String header = sessionSetCookie(response);
		return header.substring(0, header.indexOf(';'));
	}

	/** The whole {@code Set-Cookie} header of the session cookie, with its attributes. */
	public static String sessionSetCookie(Http.Response response) {
		return setCookie(response, "DOSSIER_SESSION");
	}

	/** The whole {@code Set-Cookie} header of the named cookie, with its attributes. */
	public static String setCookie(Http.Response response, String name) {
		return response.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + name + " cookie in " + response.raw().headers()));
	}

}
