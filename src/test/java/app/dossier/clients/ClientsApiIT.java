package app.dossier.clients;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DossierIntegrationTest
class ClientsApiIT {

	@LocalServerPort
	int port;

	@Test
	void staffAddFindChangeAndArchiveClients() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Clientele");
		Http.Response created = http.postJson("/api/v1/clients", Http
			.json(Map.of("displayName", "Zoë Müller & Søn", "email", "zoe@example.test", "phone", "+45 12 34 56 78")),
				firm.adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode client = created.json();
		String id = client.get("id").asString();
		assertThat(created.header("Location")).isEqualTo("/api/v1/clients/" + id);
		assertThat(client.get("displayName").asString()).isEqualTo("Zoë Müller & Søn");
		assertThat(client.get("folderName").asString()).isEqualTo("Zoe Muller Son");
		assertThat(client.get("status").asString()).isEqualTo("ACTIVE");
		http.postJson("/api/v1/clients", Http.json(Map.of("displayName", "Acme Holdings")), firm.adminToken());

		JsonNode found = http.get("/api/v1/clients?q=MULLER", firm.adminToken()).json().get("items");
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("id").asString()).isEqualTo(id);
		assertThat(http.get("/api/v1/clients?q=zoe%40example", firm.adminToken()).json().get("items")).hasSize(1);
		assertThat(http.get("/api/v1/clients", firm.adminToken()).json().get("items")).hasSize(2);

		Http.Response renamed = http.patchJson("/api/v1/clients/" + id,
				"{\"displayName\":\"Zoe Mueller\",\"phone\":\"\",\"status\":\"ARCHIVED\"}", firm.adminToken());
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().get("displayName").asString()).isEqualTo("Zoe Mueller");
		assertThat(renamed.json().has("phone")).isFalse();
		assertThat(http.get("/api/v1/clients?status=ACTIVE", firm.adminToken()).json().get("items")).hasSize(1);
		assertThat(http.get("/api/v1/clients?status=ARCHIVED", firm.adminToken()).json().get("items")).hasSize(1);

		assertThat(http.delete("/api/v1/clients/" + id, firm.adminToken()).status()).isEqualTo(204);
		assertThat(http.get("/api/v1/clients/" + id, firm.adminToken()).status()).isEqualTo(404);
	}

	@Test
	void contactsAndTeamBelongToTheClient() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Contacts");
		String id = Customers.client(http, firm, "Baker Ltd");
		Http.Response contact = http.postJson("/api/v1/clients/" + id + "/contacts", Http
			.json(Map.of("name", "Bea Baker", "email", "Bea@Baker.test", "phone", "+1 555 0100", "smsOptIn", true)),
				firm.adminToken());
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		assertThat(contact.json().get("email").asString()).isEqualTo("bea@baker.test");
		String contactId = contact.json().get("id").asString();

		assertThat(http
			.postJson("/api/v1/clients/" + id + "/contacts",
					Http.json(Map.of("name", "Again", "email", "bea@baker.test")), firm.adminToken())
			.status()).isEqualTo(409);
		assertThat(http.postJson("/api/v1/clients/" + id + "/contacts",
				Http.json(Map.of("name", "No phone", "email", "np@baker.test", "smsOptIn", true)), firm.adminToken())
			.status()).isEqualTo(422);
		assertThat(http
			.postJson("/api/v1/clients/" + id + "/contacts", Http.json(Map.of("name", "Bad", "email", "not-an-email")),
					firm.adminToken())
			.status()).isEqualTo(422);

		Http.Response changed = http.patchJson("/api/v1/contacts/" + contactId, "{\"name\":\"Beatrice Baker\"}",
				firm.adminToken());
		assertThat(changed.json().get("name").asString()).isEqualTo("Beatrice Baker");
		assertThat(http.get("/api/v1/clients/" + id + "/contacts", firm.adminToken()).json().get("items")).hasSize(1);

		String staffToken = Firms.join(http, firm, "sam-" + firm.id() + "@contacts.test", "STAFF");
		String samId = http.get("/api/v1/staff/me", staffToken).json().get("id").asString();
		Http.Response team = http.putJson("/api/v1/clients/" + id + "/team",
				Http.json(Map.of("staffIds", List.of(samId))), firm.adminToken());
		assertThat(team.status()).as(team.body()).isEqualTo(200);
		assertThat(team.json().get("items").get(0).get("id").asString()).isEqualTo(samId);
		assertThat(http.get("/api/v1/clients?mine=true", staffToken).json().get("items")).hasSize(1);
		assertThat(http.get("/api/v1/clients?mine=true", firm.adminToken()).json().get("items")).isEmpty();
		assertThat(http
			.putJson("/api/v1/clients/" + id + "/team",
					Http.json(Map.of("staffIds", List.of(UUID.randomUUID().toString()))), firm.adminToken())
			.status()).isEqualTo(422);

		assertThat(http.delete("/api/v1/contacts/" + contactId, firm.adminToken()).status()).isEqualTo(204);
		await().untilAsserted(() -> assertThat(
				http.get("/api/v1/clients/" + id + "/activity", firm.adminToken()).json().get("items").toString())
			.contains("client.created", "contact.added", "contact.changed", "contact.removed", "client.team_changed"));
	}

	@Test
	void anotherFirmsClientsAndContactsAreNotFound() {
		Http http = new Http(this.port);
		Firms.TestFirm mine = Firms.create(http, "MineClients");
		Firms.TestFirm theirs = Firms.create(http, "TheirClients");
		String theirClient = Customers.client(http, theirs, "Secret Co");
		String theirContact = http
			.postJson("/api/v1/clients/" + theirClient + "/contacts",
					Http.json(Map.of("name", "Sue", "email", "sue@secret.test")), theirs.adminToken())
			.json()
			.get("id")
			.asString();
		String token = mine.adminToken();
		assertThat(http.get("/api/v1/clients/" + theirClient, token).status()).isEqualTo(404);
		assertThat(http.patchJson("/api/v1/clients/" + theirClient, "{\"displayName\":\"x\"}", token).status())
			.isEqualTo(404);
		assertThat(http.delete("/api/v1/clients/" + theirClient, token).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/clients/" + theirClient + "/contacts", token).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/clients/" + theirClient + "/activity", token).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/clients/" + theirClient + "/documents", token).status()).isEqualTo(404);
		assertThat(http.patchJson("/api/v1/contacts/" + theirContact, "{\"name\":\"x\"}", token).status())
			.isEqualTo(404);
		assertThat(http.delete("/api/v1/contacts/" + theirContact, token).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/clients/not-a-uuid", token).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/clients?q=Secret", token).json().get("items")).isEmpty();
	}

	@Test
	void badClientDetailsAreRefusedWithTheField() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "BadClients");
		Http.Response blank = http.postJson("/api/v1/clients", "{\"displayName\":\"   \"}", firm.adminToken());
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.contentType()).startsWith("application/problem+json");
		assertThat(blank.json().get("field").asString()).isEqualTo("displayName");
		assertThat(http.postJson("/api/v1/clients", "{\"displayName\":\"A\",\"email\":\"nope\"}", firm.adminToken())
			.json()
			.get("field")
			.asString()).isEqualTo("email");
		assertThat(http.postJson("/api/v1/clients", "{\"displayName\":\"A\",\"phone\":\"call me\"}", firm.adminToken())
			.json()
			.get("field")
			.asString()).isEqualTo("phone");
		assertThat(http.postJson("/api/v1/clients", "{}", firm.adminToken()).status()).isEqualTo(400);
		assertThat(http.get("/api/v1/clients?status=GONE", firm.adminToken()).status()).isEqualTo(400);
		assertThat(http.get("/api/v1/clients", firm.adminToken()).json().get("items")).isEmpty();
	}

}
