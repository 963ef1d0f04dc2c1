package app.dossier.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DossierIntegrationTest
class AuditTrailIT {

	@LocalServerPort
	int port;

	@Test
	void securityEventsAreRecordedWithActorTimeAndAddress() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Audited");
		http.postJson("/api/v1/tokens", Http.json(Map.of("email", firm.adminEmail(), "password", "wrong password!")));
		String email = "ivy-" + firm.id() + "@audited.test";
		String ivy = Firms.join(http, firm, email, "STAFF");
		String ivyId = http.get("/api/v1/staff/me", ivy).json().get("id").asString();
		http.patchJson("/api/v1/staff/" + ivyId, "{\"enabled\":false}", firm.adminToken());

		await().untilAsserted(() -> {
			String trail = http.get("/api/v1/audit", firm.adminToken()).body();
			assertThat(trail).contains("firm.created", "staff.sign_in_failed", "staff.signed_in", "token.created",
					"staff.invited", "staff.joined", "staff.disabled");
		});
		var items = http.get("/api/v1/audit", firm.adminToken()).json().get("items");
		var disabled = java.util.stream.StreamSupport.stream(items.spliterator(), false)
			.filter((item) -> item.get("action").asString().equals("staff.disabled"))
			.findFirst()
			.orElseThrow();
		assertThat(disabled.get("actor").asString()).isEqualTo(firm.adminEmail());
		assertThat(disabled.get("target").asString()).isEqualTo(email);
		assertThat(disabled.get("ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(disabled.get("occurredAt").asString()).endsWith("Z");
	}

	@Test
	void onlyAdminsReadTheTrailAndOnlyTheirOwnFirms() {
		Http http = new Http(this.port);
		Firms.TestFirm mine = Firms.create(http, "AuditMine");
		Firms.TestFirm theirs = Firms.create(http, "AuditTheirs");
		String staff = Firms.join(http, mine, "s-" + mine.id() + "@audit.test", "STAFF");
		assertThat(http.get("/api/v1/audit", staff).status()).isEqualTo(403);
		await().untilAsserted(
				() -> assertThat(http.get("/api/v1/audit", theirs.adminToken()).body()).contains("firm.created"));
		String mineTrail = http.get("/api/v1/audit", mine.adminToken()).body();
		assertThat(mineTrail).doesNotContain(theirs.adminEmail()).doesNotContain(theirs.id().toString());
	}

}
