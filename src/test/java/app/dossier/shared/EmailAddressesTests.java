package app.dossier.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressesTests {

	@Test
	void addressesAreTrimmedAndLowerCased() {
		assertThat(EmailAddresses.require("email", "  Ada@Acme.TEST ")).isEqualTo("ada@acme.test");
	}

	@Test
	void implausibleAddressesAreRefused() {
		for (String bad : new String[] { "", "ada", "ada@", "@acme.test", "ada@acme", "a b@acme.test",
				"ada@acme.test\r\nBcc: x@y.z", "Ada <ada@acme.test>", "a@b@c.test", "x".repeat(320) + "@a.test" }) {
			assertThatThrownBy(() -> EmailAddresses.require("email", bad)).as(bad)
				.isInstanceOf(InvalidInputException.class);
		}
	}

	@Test
	void tokensAreRandomAndStoredOnlyAsTheirHash() {
		String one = SecretTokens.generate("x_");
		String two = SecretTokens.generate("x_");
		assertThat(one).startsWith("x_").hasSize(45).isNotEqualTo(two);
		assertThat(SecretTokens.hash(one)).hasSize(64).isEqualTo(SecretTokens.hash(one)).doesNotContain(one);
	}

}
