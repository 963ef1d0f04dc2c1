package app.dossier.web;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WriteBufferSettingsTests {

	@Test
	void unsetMeansThirtyTwoKibibytes() {
		assertThat(new WriteBufferSettings(null).bytes()).isEqualTo(32 * 1024);
	}

	@Test
	void anySizeFromEightKibibytesToOneMebibyteIsTaken() {
		assertThat(new WriteBufferSettings(DataSize.ofKilobytes(8)).bytes()).isEqualTo(8 * 1024);
		assertThat(new WriteBufferSettings(DataSize.ofMegabytes(1)).bytes()).isEqualTo(1024 * 1024);
	}

	@Test
	void aSizeOutsideTheRangeIsRefusedWithTheSettingsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WriteBufferSettings(DataSize.ofKilobytes(4)))
			.withMessageContaining("dossier.web.write-buffer")
			.withMessageContaining("4096");
		assertThatIllegalArgumentException().isThrownBy(() -> new WriteBufferSettings(DataSize.ofMegabytes(2)))
			.withMessageContaining("dossier.web.write-buffer");
	}

}
