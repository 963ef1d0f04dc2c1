package app.dossier.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients, and clients with one contact who has portal access, made through the API. */
public final class Customers {

	private Customers() {
	}

	/** A new client of the firm, without contacts: its id. */
	public static String client(Http http, Firms.TestFirm firm, String clientName) {
		return client(http, firm.adminToken(), clientName);
	}

	/** A new client, made with a staff member's API token: its id. */
	public static String client(Http http, String token, String clientName) {
		Http.Response client = http.postJson("/api/v1/clients", Http.json(Map.of("displayName", clientName)), token);
		assertThat(client.status()).as(client.body()).isEqualTo(201);
		return client.json().get("id").asString();
	}

	public static Customer withPortalAccess(Http http, Firms.TestFirm firm, String clientName) {
		String token = firm.adminToken();
		String clientId = client(http, firm, clientName);
		String email = "contact-" + System.nanoTime() + "@customer.test";
		Http.Response contact = http.postJson("/api/v1/clients/" + clientId + "/contacts",
				Http.json(Map.of("name", "Casey", "email", email)), token);
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		String contactId = contact.json().get("id").asString();
		Http.Response granted = http.postJson("/api/v1/contacts/" + contactId + "/portal-access", "", token);
		assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		assertThat(granted.json().get("portalAccess").asBoolean()).isTrue();
		return new Customer(clientId, contactId, email);
	}

	public record Customer(String clientId, String contactId, String email) {
	}

}
