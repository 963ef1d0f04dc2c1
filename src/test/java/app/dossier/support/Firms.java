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

	/**
	 * Invites a person through the API and accepts through the link; returns their token.
	 */
	public static String join(Http http, TestFirm firm, String email, String role) {
		Http.Response invited = http.postJson("/api/v1/staff/invitations",
				Http.json(Map.of("email", email, "name", "Member", "role", role)), firm.adminToken());
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		Http.Response accepted = http.postForm(invitationPath(invited.json().get("invitationUrl").asString()),
				Map.of("name", "Member", "password", PASSWORD, "confirmPassword", PASSWORD), null);
		assertThat(accepted.status()).isEqualTo(302);
		return token(http, email, PASSWORD);
	}

	public static String invitationPath(String url) {
		return url.substring(url.indexOf("/invitations/"));
	}

	public record TestFirm(UUID id, String adminEmail, String adminToken) {
	}

}
