package app.dossier.identity;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class SignInThrottleIT {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Test
	void repeatedWrongPasswordsMakeTheAccountWaitEvenWithTheRightOne() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Throttle");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(http, firm.adminEmail(), "wrong password " + i).status()).isEqualTo(401);
		}
		Http.Response blocked = signIn(http, firm.adminEmail(), Firms.PASSWORD);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.header("Retry-After")).isNotNull();
		assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 30);
		assertThat(blocked.json().get("detail").asString()).contains("Too many sign-in attempts");

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(signIn(http, firm.adminEmail(), Firms.PASSWORD).status()).isEqualTo(201);
		assertThat(signIn(http, firm.adminEmail(), "wrong again").status()).as("the count starts over").isEqualTo(401);
	}

	@Test
	void unknownAddressesAreThrottledExactlyLikeKnownOnes() {
		Http http = new Http(this.port);
		String nobody = "ghost-" + System.nanoTime() + "@throttle.test";
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(http, nobody, "guess " + i).status()).isEqualTo(401);
		}
		Http.Response blocked = signIn(http, nobody, "guess 6");
		assertThat(blocked.status()).isEqualTo(429);
	}

	@Test
	void theWebFormTellsTheWaitingPersonHowLong() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "FormThrottle");
		Http.Response last = null;
		for (int i = 0; i < 6; i++) {
			last = http.postForm("/login", Map.of("username", firm.adminEmail(), "password", "nope " + i), null);
		}
		assertThat(last.header("Location")).contains("/login?error=throttled&minutes=");
		Http.Response page = http.get(last.header("Location").substring(http.base().length()));
		assertThat(page.body()).contains("Too many sign-in attempts").contains("minute");
	}

	private static Http.Response signIn(Http http, String email, String password) {
		return http.postJson("/api/v1/tokens", Http.json(Map.of("email", email, "password", password)));
	}

}
