package app.dossier.documents;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an edit or a deletion on the staff Files page sends the browser back to. */
class FilesReturnTests {

	private static final UUID CLIENT = UUID.fromString("0b6c7d3e-2f7a-4a53-9d7e-3f1f5a9b2c11");

	private static final String LIST = "/clients/" + CLIENT + "/files";

	@Test
	void returnsToThePageOfTheListTheChangeWasMadeOn() {
		assertThat(FilesController.backToList(CLIENT, LIST + "?sort=name&order=asc&q=pay&folder=&page=3"))
			.isEqualTo("redirect:" + LIST + "?sort=name&order=asc&q=pay&folder=&page=3");
		assertThat(FilesController.backToList(CLIENT, LIST)).isEqualTo("redirect:" + LIST);
	}

	@Test
	void anyOtherPlaceReturnsToTheStartOfTheList() {
		for (String elsewhere : new String[] { null, "", "https://example.com/", "//example.com" + LIST,
				"/clients/" + UUID.randomUUID() + "/files?page=2", LIST + "/../../settings", LIST + "x",
				LIST + "?page=2\r\nSet-Cookie: a=b", LIST + "?q={secret}", "/portal/files" }) {
			assertThat(FilesController.backToList(CLIENT, elsewhere)).as(String.valueOf(elsewhere))
				.isEqualTo("redirect:" + LIST);
		}
	}

}
