package app.dossier.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailerTests {

	@Test
	void headerValuesCannotStartANewHeader() {
		assertThat(Mailer.oneLine("Acme\r\nBcc: victim@example.com")).isEqualTo("Acme Bcc: victim@example.com")
			.doesNotContain("\r")
			.doesNotContain("\n");
		assertThat(Mailer.oneLine("a\u2028b\u0085c")).isEqualTo("a b c");
	}

}
