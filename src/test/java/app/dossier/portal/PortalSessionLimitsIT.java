package app.dossier.portal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.MovableClock;
import app.dossier.support.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time-dependent portal rules, in a context of its own because the tests move its clock.
 */
@DossierIntegrationTest
@TestPropertySource(properties = "dossier.test.context=portal-clock")
class PortalSessionLimitsIT {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Test
	void anIdleSessionEndsAfterThirtyMinutes() {
		Http http = new Http(this.port);
		String email = contact(http, "Idle");
		String session = PortalSession.signIn(http, email);
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(http.getWithCookies("/portal", session).status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(http.getWithCookies("/portal", session).status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(http.getWithCookies("/portal", session).header("Location")).endsWith("/portal/login?expired");
	}

	@Test
	void anActiveSessionStillEndsAfterTwelveHours() {
		Http http = new Http(this.port);
		String email = contact(http, "Busy");
		String session = PortalSession.signIn(http, email);
		for (int i = 0; i < 28; i++) {
			this.clock.advance(Duration.ofMinutes(25));
			assertThat(http.getWithCookies("/portal/files", session).status()).isEqualTo(200);
		}
		this.clock.advance(Duration.ofMinutes(25));
		assertThat(http.getWithCookies("/portal", session).header("Location")).endsWith("/portal/login?expired");
	}

	@Test
	void aSignInLinkExpiresAfterFifteenMinutes() {
		Http http = new Http(this.port);
		String email = contact(http, "Late");
		String token = PortalSession.token(PortalSession.requestLink(http, email));
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(http.postForm("/portal/login/ott", Map.of("token", token), null).header("Location"))
			.endsWith("/portal/login?invalid");
	}

	@Test
	void signingOutEverywhereEndsEverySessionOfTheContact() {
		Http http = new Http(this.port);
		String email = contact(http, "Everywhere");
		String phone = PortalSession.signIn(http, email);
		String laptop = PortalSession.signIn(http, email);
		this.clock.advance(Duration.ofSeconds(1));
		Http.Response out = http.postForm("/portal/logout-everywhere", Map.of(), laptop);
		assertThat(out.header("Location")).endsWith("/portal/login?signedOut");
		assertThat(http.getWithCookies("/portal", phone).header("Location")).endsWith("/portal/login?signedOut");
		this.clock.advance(Duration.ofSeconds(1));
		String again = PortalSession.signIn(http, email);
		assertThat(http.getWithCookies("/portal", again).status()).isEqualTo(200);
	}

	private static String contact(Http http, String name) {
		return Customers.withPortalAccess(http, Firms.create(http, name), name + " Client").email();
	}

}
