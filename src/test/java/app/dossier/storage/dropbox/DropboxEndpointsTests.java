package app.dossier.storage.dropbox;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DropboxEndpointsTests {

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

}
