package app.dossier.support;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates a firm with its administrator through the public signup API, and signs in. */
public final class Firms {

	public static final String PASSWORD = "plum-ocean-lantern-42";

	private Firms() {
	}

	public static TestFirm create(Http http, String name) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String email = "admin-" + suffix + "@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".test";
		Http.Response created = http.postJson("/api/v1/firms", Http.json(Map.of("name", name + " " + suffix,
				"adminName", "Admin " + suffix, "adminEmail", email, "adminPassword", PASSWORD)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new TestFirm(UUID.fromString(created.json().get("id").asString()), email, token(http, email, PASSWORD));
	}

	public static String token(Http http, String email, String password) {
		Http.Response response = http.postJson("/api/v1/tokens",
				Http.json(Map.of("email", email, "password", password)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("token").asString();
	}

	public record TestFirm(UUID id, String adminEmail, String adminToken) {
	}

}
