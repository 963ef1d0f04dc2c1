package app.dossier.firms;

import org.junit.jupiter.api.Test;

import app.dossier.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirmNamingTests {

	@Test
	void slugsAreAsciiWordsJoinedByDashes() {
		assertThat(FirmNaming.slugOf("Müller & Søn GmbH")).isEqualTo("muller-son-gmbh");
		assertThat(FirmNaming.slugOf("  Smith   &  Partners, LLP. ")).isEqualTo("smith-partners-llp");
		assertThat(FirmNaming.slugOf("Crème Brûlée Café")).isEqualTo("creme-brulee-cafe");
	}

	@Test
	void otherScriptsAreTransliteratedNamesWithoutLettersFallBackAndLongOnesAreCut() {
		assertThat(FirmNaming.slugOf("東京会計")).isEqualTo("dong-jing-hui-ji");
		assertThat(FirmNaming.slugOf("Москва")).isEqualTo("moskva");
		assertThat(FirmNaming.slugOf("★ ★ ★")).isEqualTo("firm");
		assertThat(FirmNaming.slugOf("../../etc/passwd")).isEqualTo("etc-passwd");
		assertThat(FirmNaming.slugOf("a".repeat(300))).hasSize(60);
	}

	@Test
	void namesMustBePresentShortAndFreeOfControlCharacters() {
		assertThatThrownBy(() -> FirmNaming.requireName("name", "   ")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> FirmNaming.requireName("name", "x".repeat(201)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> FirmNaming.requireName("name", "Acme\r\nBcc: x@y.z"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(FirmNaming.requireName("name", "  Acme  ")).isEqualTo("Acme");
	}

}
