package app.dossier.storage.dropbox;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DropboxSettingsTests {

	@Test
	void dropboxOwnAddressesAreItsHosts() {
		DropboxEndpoints endpoints = DropboxEndpoints.of(URI.create("https://api.dropboxapi.com"),
				URI.create("https://content.dropboxapi.com/"));

		assertThat(endpoints).isEqualTo(DropboxEndpoints.DROPBOX);
	}

	@Test
	void onlyHttpsAtTheRootOfAHostOnTheStandardPortWillDo() {
		URI content = URI.create("https://content.dropboxapi.com");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> DropboxEndpoints.of(URI.create("http://api.dropboxapi.com"), content));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DropboxEndpoints.of(URI.create("https://localhost:8443"), content));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DropboxEndpoints.of(URI.create("https://api.dropboxapi.com/2"), content));
	}

	@Test
	void transferSettingsHaveDefaultsAndLeaveTheOAuthAppAlone() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("dossier.storage.dropbox.app-key", "key",
				"dossier.storage.dropbox.api-uri", "https://api.dropboxapi.com")));

		assertThat(binder.bindOrCreate("dossier.storage.dropbox", DropboxSettings.class))
			.isEqualTo(DropboxSettings.defaults())
			.satisfies((settings) -> assertThat(settings.chunkSize()).isEqualTo(DataSize.ofBytes(8 * 1024 * 1024)));
	}

	@Test
	void transferSettingsCanBeChanged() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("dossier.storage.dropbox.chunk-size",
				"16MB", "dossier.storage.dropbox.attempts", "5", "dossier.storage.dropbox.longest-wait", "1m")));

		assertThat(binder.bindOrCreate("dossier.storage.dropbox", DropboxSettings.class))
			.isEqualTo(new DropboxSettings(DataSize.ofMegabytes(16), 5, Duration.ofMinutes(1)));
	}

}
