package app.dossier.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.PortalSession;
import app.dossier.support.WebSession;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Logs at DEBUG everywhere that touches requests, and still no secret may appear. */
@DossierIntegrationTest
@TestPropertySource(properties = { "logging.level.org.springframework.web=DEBUG",
		"logging.level.org.springframework.security=DEBUG", "logging.level.org.springframework.mail=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsIT {

	@LocalServerPort
	int port;

	@Test
	void passwordsTokensInvitationAndSignInLinksNeverReachTheLog(CapturedOutput output) {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Quiet");
		String wrong = "my-wrong-secret-guess";
		http.postJson("/api/v1/tokens", Http.json(Map.of("email", firm.adminEmail(), "password", wrong)));
		WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		Http.Response invited = http.postJson("/api/v1/staff/invitations",
				Http.json(Map.of("email", "q-" + firm.id() + "@quiet.test", "name", "Q", "role", "STAFF")),
				firm.adminToken());
		String invitation = invited.json().get("invitationUrl").asString();
		String invitationToken = invitation.substring(invitation.lastIndexOf('/') + 1);
		http.get(Firms.invitationPath(invitation));
		String staffToken = Firms.join(http, firm, "r-" + firm.id() + "@quiet.test", "STAFF");
		http.get("/api/v1/staff/me", staffToken);
		String email = Customers.withPortalAccess(http, firm, "Quiet Client").email();
		String signInToken = PortalSession.token(PortalSession.requestLink(http, email));
		http.get("/portal/login/ott?token=" + signInToken);
		http.postForm("/portal/login/ott", Map.of("token", signInToken), null);
		await().untilAsserted(() -> assertThat(output.getAll()).contains("Mail sent"));

		assertThat(output.getAll()).doesNotContain(Firms.PASSWORD)
			.doesNotContain(wrong)
			.doesNotContain(firm.adminToken())
			.doesNotContain(staffToken)
			.doesNotContain(invitationToken)
			.doesNotContain(signInToken);
	}

}
