package app.dossier.support;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs a contact in to the portal the way a person does: form, email, link, button. */
public final class PortalSession {

	private PortalSession() {
	}

	/**
	 * Asks for a link; answers the link from the newest sign-in email to that address.
	 */
	public static String requestLink(Http http, String email) {
		int before = signInMails(email).size();
		Http.Response asked = http.postForm("/portal/login", Map.of("email", email), null);
		assertThat(asked.status()).isEqualTo(302);
		assertThat(asked.header("Location")).endsWith("/portal/login/sent");
		org.awaitility.Awaitility.await().until(() -> signInMails(email).size() > before);
		List<MimeMessage> mails = signInMails(email);
		return TestMail.linkIn(mails.get(mails.size() - 1), "/portal/login/ott");
	}

	public static List<MimeMessage> signInMails(String email) {
		return TestMail.to(email).stream().filter((mail) -> TestMail.body(mail).contains("/portal/login/ott")).toList();
	}

	public static String token(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	/** Presses the button on the sign-in page; answers the session cookie. */
	public static String signIn(Http http, String email) {
		Http.Response signedIn = http.postForm("/portal/login/ott", Map.of("token", token(requestLink(http, email))),
				null);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).as("signed in").doesNotContain("invalid");
		return WebSession.sessionCookie(signedIn);
	}

}
