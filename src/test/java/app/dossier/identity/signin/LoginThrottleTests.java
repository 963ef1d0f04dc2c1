package app.dossier.identity.signin;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	@Test
	void delaysDoubleFromThirtySecondsAfterTheFreeFailures() {
		int first = LoginThrottle.FREE_FAILURES + 1;
		assertThat(LoginThrottle.delayAfter(first)).isEqualTo(Duration.ofSeconds(30));
		assertThat(LoginThrottle.delayAfter(first + 1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(LoginThrottle.delayAfter(first + 2)).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void delaysNeverExceedFifteenMinutesSoNobodyIsLockedOutForGood() {
		for (int failures = LoginThrottle.FREE_FAILURES + 1; failures < 10_000; failures += 7) {
			assertThat(LoginThrottle.delayAfter(failures)).isLessThanOrEqualTo(Duration.ofMinutes(15)).isPositive();
		}
	}

	@Test
	void theKeyDoesNotDependOnHowTheAddressWasTypedAndDoesNotContainIt() {
		assertThat(LoginThrottle.keyOf(" Ada@Acme.TEST ")).isEqualTo(LoginThrottle.keyOf("ada@acme.test"))
			.doesNotContain("ada")
			.hasSize(64);
	}

	@Test
	void adviceRoundsUpToWholeMinutes() {
		assertThat(new SignInThrottledException(Duration.ofSeconds(30)).advice()).contains("1 minute ");
		assertThat(new SignInThrottledException(Duration.ofSeconds(61)).advice()).contains("2 minutes");
	}

}
