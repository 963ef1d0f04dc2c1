package app.dossier.portal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.clients.Contact;
import app.dossier.firms.Firms;
import app.dossier.mail.MailDeliveryException;
import app.dossier.mail.Mailer;
import app.dossier.mail.OutgoingMail;
import app.dossier.notifications.Notifications;
import app.dossier.shared.EmailAddresses;
import app.dossier.shared.PublicAddress;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

/**
 * Turns "email me a sign-in link" into a token and an email. The answer is the same page,
 * at the same speed, whether or not the address has portal access: who has access is
 * looked up afterwards, off the request thread, and only they get a message. The link is
 * in clear only in memory, so sending is retried in memory until it works or the link
 * expires, never through the event registry, which would store it.
 */
class SignInLinks implements GenerateOneTimeTokenRequestResolver, OneTimeTokenGenerationSuccessHandler {

	private static final Logger log = LoggerFactory.getLogger(SignInLinks.class);

	/** Set on a request refused for asking too often from one address. */
	static final String THROTTLED = SignInLinks.class.getName() + ".throttled";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final PortalSettings settings;

	private final Memberships memberships;

	private final Firms firms;

	private final Mailer mailer;

	private final PublicAddress address;

	private final AsyncTaskExecutor executor;

	private final Clock clock;

	private final SignInLimits limits;

	private final Notifications notifications;

	SignInLinks(PortalSettings settings, Memberships memberships, Firms firms, Mailer mailer, PublicAddress address,
			AsyncTaskExecutor executor, Clock clock, SignInLimits limits, Notifications notifications) {
		this.limits = limits;
		this.notifications = notifications;
		this.settings = settings;
		this.memberships = memberships;
		this.firms = firms;
		this.mailer = mailer;
		this.address = address;
		this.executor = executor;
		this.clock = clock;
	}

	/**
	 * The {@code email} field of the sign-in form; null (no token) when it is not an
	 * address.
	 */
	@Override
	public @Nullable GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
		String email = request.getParameter("email");
		if (email == null || email.isBlank() || email.length() > 320 || !email.contains("@")) {
			return null;
		}
		if (!this.limits.mayAsk(request.getRemoteAddr())) {
			request.setAttribute(THROTTLED, Boolean.TRUE);
			return null;
		}
		return new GenerateOneTimeTokenRequest(EmailAddresses.normalize(email), this.settings.signInLinkLifetime());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token)
			throws IOException {
		String link = this.address.link("/portal/login/ott?token=" + token.getTokenValue());
		this.executor.execute(() -> deliver(token.getUsername(), link, token.getExpiresAt()));
		response.sendRedirect("/portal/login/sent");
	}

	private void deliver(String email, String link, Instant expiresAt) {
		List<Contact> contacts = this.memberships.contacts(email);
		if (contacts.isEmpty()) {
			return;
		}
		if (!this.limits.mayEmail(email)) {
			log.info("Not sending another portal sign-in link: {} were asked for one address within 15 minutes",
					this.limits.perAddress());
			return;
		}
		Contact first = contacts.get(0);
		String sender = (contacts.stream().map(Contact::firmId).distinct().count() == 1)
				? this.firms.get(first.firmId()).name() : "Dossier";
		OutgoingMail mail = new OutgoingMail(email, first.name(), sender, "Your sign-in link for " + sender,
				"portal-sign-in", Map.of("name", first.name(), "firmName", sender, "link", link, "expiresAt",
						TIME.format(expiresAt), "minutes", this.settings.signInLinkLifetime().toMinutes()));
		Duration wait = Duration.ofSeconds(2);
		while (true) {
			try {
				this.mailer.send(mail);
				for (Contact contact : contacts) {
					this.notifications.recordSent(contact.firmId(), contact.clientId(), contact.id(), email,
							mail.subject(), mail.template());
				}
				return;
			}
			catch (MailDeliveryException ex) {
				if (this.clock.instant().plus(wait).isAfter(expiresAt)) {
					log.warn("Gave up sending a portal sign-in link before it expired: {}", ex.getMessage());
					return;
				}
				log.info("Sending a portal sign-in link failed ({}); trying again in {}", ex.getMessage(), wait);
				sleep(wait);
				wait = wait.multipliedBy(2);
			}
			catch (RuntimeException ex) {
				log.error("A portal sign-in link could not be sent", ex);
				return;
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
