package app.dossier.identity.password;

import java.util.Random;

import org.junit.jupiter.api.Test;

import app.dossier.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsALongPassphraseWithoutAnyCompositionRule() {
		assertThatCode(() -> this.policy.check("plum ocean lantern", "a@b.test")).doesNotThrowAnyException();
		assertThatCode(() -> this.policy.check("alllowercaseletters", "a@b.test")).doesNotThrowAnyException();
	}

	@Test
	void refusesElevenCharactersAndAcceptsTwelve() {
		assertThatThrownBy(() -> this.policy.check("kq7-zm2-vx9", "a@b.test")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("at least 12");
		assertThatCode(() -> this.policy.check("kq7-zm2-vx9p", "a@b.test")).doesNotThrowAnyException();
	}

	@Test
	void countsCharactersNotUtf16Units() {
		// Eleven emoji are 22 UTF-16 units but eleven characters.
		assertThatThrownBy(() -> this.policy.check("🔑".repeat(11), "a@b.test"))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void acceptsUpTo128CharactersAndRefusesMore() {
		Random random = new Random(128);
		StringBuilder password = new StringBuilder();
		while (password.length() < 129) {
			password.append((char) ('a' + random.nextInt(26)));
		}
		assertThatCode(() -> this.policy.check(password.substring(0, 128), "a@b.test")).doesNotThrowAnyException();
		assertThatThrownBy(() -> this.policy.check(password.toString(), "a@b.test"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("at most 128");
	}

	@Test
	void refusesPasswordsFromTheBundledCommonList() {
		for (String common : new String[] { "1qaz2wsx3edc", "123qweasdzxc", "qwerty123456", "QWERTY123456" }) {
			assertThatThrownBy(() -> this.policy.check(common, "a@b.test")).as(common)
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("too common");
		}
	}

	@Test
	void refusesRepetitionsAndTheEmailAddress() {
		assertThatThrownBy(() -> this.policy.check("aaaaaaaaaaaaaa", "a@b.test"))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.policy.check("abcabcabcabc", "a@b.test"))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.policy.check("ada@acme.test", "Ada@Acme.test"))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void randomPasswordsAreJudgedByLengthAlone() {
		Random random = new Random(20261123L);
		String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_!éß";
		for (int i = 0; i < 2_000; i++) {
			int length = 1 + random.nextInt(140);
			StringBuilder password = new StringBuilder();
			for (int c = 0; c < length; c++) {
				password.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String candidate = password.toString();
			if (length < PasswordPolicy.MIN_LENGTH || length > PasswordPolicy.MAX_LENGTH) {
				assertThatThrownBy(() -> this.policy.check(candidate, "a@b.test")).as(candidate)
					.isInstanceOf(InvalidInputException.class);
			}
			else {
				assertThatCode(() -> this.policy.check(candidate, "a@b.test")).as(candidate).doesNotThrowAnyException();
			}
		}
	}

}
