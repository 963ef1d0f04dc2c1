package app.dossier.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PageThreadSettingsTests {

	@Test
	void unsetMeansTwoThreadsPerCore() {
		PageThreadSettings settings = new PageThreadSettings(null);
		assertThat(settings.threads()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
		assertThat(settings.onPool()).isTrue();
	}

	@Test
	void zeroServesEveryRequestOnItsOwnVirtualThread() {
		assertThat(new PageThreadSettings(0).onPool()).isFalse();
		assertThat(new PageThreadSettings(3).threads()).isEqualTo(3);
	}

	@Test
	void aNegativeCountIsRefusedWithTheSettingsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PageThreadSettings(-1))
			.withMessageContaining("dossier.web.page-threads")
			.withMessageContaining("-1");
	}

}
