package app.dossier.identity;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.MovableClock;
import app.dossier.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class StaffInvitationIT {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Test
	void anInvitedPersonChoosesAPasswordThroughTheEmailedLinkOnce() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Invites");
		String email = "bob-" + firm.id() + "@invites.test";
		Http.Response invited = http.postJson("/api/v1/staff/invitations",
				Http.json(Map.of("email", email, "name", "Bob Builder", "role", "STAFF")), firm.adminToken());
		assertThat(invited.status()).isEqualTo(201);
		assertThat(
				http.postJson("/api/v1/tokens", Http.json(Map.of("email", email, "password", Firms.PASSWORD))).status())
			.as("cannot sign in before joining")
			.isEqualTo(401);

		MimeMessage mail = TestMail.awaitMessageTo(email);
		assertThat(mail.getSubject()).startsWith("You are invited to join Invites");
		String link = TestMail.linkIn(mail, "/invitations/");
		assertThat(link).isEqualTo(invited.json().get("invitationUrl").asString());
		String path = link.substring(link.indexOf("/invitations/"));

		Http.Response page = http.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(email).contains("Bob Builder");
		Http.Response mismatch = http.postForm(path,
				Map.of("name", "Bob", "password", Firms.PASSWORD, "confirmPassword", Firms.PASSWORD + "x"), null);
		assertThat(mismatch.status()).isEqualTo(200);
		assertThat(mismatch.body()).contains("not the same");
		Http.Response weak = http.postForm(path,
				Map.of("name", "Bob", "password", "qwerty123456", "confirmPassword", "qwerty123456"), null);
		assertThat(weak.body()).contains("too common");

		Http.Response accepted = http.postForm(path,
				Map.of("name", "Bob B.", "password", Firms.PASSWORD, "confirmPassword", Firms.PASSWORD), null);
		assertThat(accepted.status()).isEqualTo(302);
		assertThat(accepted.header("Location")).endsWith("/login");
		String token = Firms.token(http, email, Firms.PASSWORD);
		Http.Response me = http.get("/api/v1/staff/me", token);
		assertThat(me.json().get("name").asString()).isEqualTo("Bob B.");
		assertThat(me.json().get("role").asString()).isEqualTo("STAFF");

		Http.Response reused = http.get(path);
		assertThat(reused.status()).isEqualTo(410);
		assertThat(reused.body()).contains("already been used");
		Http.Response reusedPost = http.postForm(path,
				Map.of("name", "Mallory", "password", "another-long-pass", "confirmPassword", "another-long-pass"),
				null);
		assertThat(reusedPost.status()).isEqualTo(410);
		assertThat(Firms.token(http, email, Firms.PASSWORD)).as("password unchanged").isNotBlank();
	}

	@Test
	void anInvitationExpiresAfterSevenDaysAndAResendReplacesIt() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Expiry");
		String email = "late-" + firm.id() + "@expiry.test";
		Http.Response invited = http.postJson("/api/v1/staff/invitations",
				Http.json(Map.of("email", email, "name", "Late Larry", "role", "STAFF")), firm.adminToken());
		String first = Firms.invitationPath(invited.json().get("invitationUrl").asString());
		this.clock.advance(Duration.ofDays(7).plusMinutes(1));

		Http.Response expired = http.get(first);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.body()).contains("expired");
		Http.Response expiredPost = http.postForm(first,
				Map.of("name", "L", "password", Firms.PASSWORD, "confirmPassword", Firms.PASSWORD), null);
		assertThat(expiredPost.status()).isEqualTo(410);

		String admin = Firms.token(http, firm.adminEmail(), Firms.PASSWORD);
		assertThat(http.get("/api/v1/staff/me", firm.adminToken()).status()).as("12-hour token expired").isEqualTo(401);
		Http.Response again = http.postJson("/api/v1/staff/invitations",
				Http.json(Map.of("email", email, "name", "Late Larry", "role", "STAFF")), admin);
		assertThat(again.status()).isEqualTo(201);
		assertThat(http.get(Firms.invitationPath(again.json().get("invitationUrl").asString())).status())
			.isEqualTo(200);
		assertThat(http.get(first).status()).isEqualTo(410);
	}

	@Test
	void unknownAndTamperedInvitationLinksShowNotFound() {
		Http http = new Http(this.port);
		Http.Response unknown = http.get("/invitations/inv_doesnotexist");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("text/html");
		assertThat(unknown.body()).contains("link is not valid");
		assertThat(http.get("/invitations/..%2F..%2Fetc%2Fpasswd").status()).isIn(400, 404);
	}

	@Test
	void onlyAdminsInviteAndAdminsCannotLockTheFirmOut() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Roles");
		String email = "sam-" + firm.id() + "@roles.test";
		String staffToken = Firms.join(http, firm, email, "STAFF");

		Http.Response byStaff = http.postJson("/api/v1/staff/invitations",
				Http.json(Map.of("email", "x-" + email, "name", "X", "role", "STAFF")), staffToken);
		assertThat(byStaff.status()).isEqualTo(403);
		assertThat(byStaff.contentType()).isEqualTo("application/problem+json");

		String adminId = http.get("/api/v1/staff/me", firm.adminToken()).json().get("id").asString();
		Http.Response demoteSelf = http.patchJson("/api/v1/staff/" + adminId, "{\"role\":\"STAFF\"}",
				firm.adminToken());
		assertThat(demoteSelf.status()).isEqualTo(409);
		Http.Response disableSelf = http.patchJson("/api/v1/staff/" + adminId, "{\"enabled\":false}",
				firm.adminToken());
		assertThat(disableSelf.status()).isEqualTo(409);
		assertThat(http.get("/api/v1/staff/me", firm.adminToken()).json().get("role").asString()).isEqualTo("ADMIN");

		String samId = http.get("/api/v1/staff/me", staffToken).json().get("id").asString();
		Http.Response promoted = http.patchJson("/api/v1/staff/" + samId, "{\"role\":\"ADMIN\"}", firm.adminToken());
		assertThat(promoted.json().get("role").asString()).isEqualTo("ADMIN");
		Http.Response badRole = http.patchJson("/api/v1/staff/" + samId, "{\"role\":\"OWNER\"}", firm.adminToken());
		assertThat(badRole.status()).isEqualTo(400);
	}

	@Test
	void aDisabledMemberIsShutOutAtOnceAndCanBeLetBackIn() {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Disable");
		String email = "dora-" + firm.id() + "@disable.test";
		String token = Firms.join(http, firm, email, "STAFF");
		String id = http.get("/api/v1/staff/me", token).json().get("id").asString();

		assertThat(http.patchJson("/api/v1/staff/" + id, "{\"enabled\":false}", firm.adminToken())
			.json()
			.get("status")
			.asString()).isEqualTo("DISABLED");
		assertThat(http.get("/api/v1/staff/me", token).status()).isEqualTo(401);
		Http.Response signIn = http.postJson("/api/v1/tokens",
				Http.json(Map.of("email", email, "password", Firms.PASSWORD)));
		assertThat(signIn.status()).isEqualTo(401);
		assertThat(signIn.json().get("detail").asString()).contains("disabled");

		http.patchJson("/api/v1/staff/" + id, "{\"enabled\":true}", firm.adminToken());
		assertThat(http.get("/api/v1/staff/me", token).status()).isEqualTo(200);
	}

	@Test
	void anotherFirmsStaffAnswerNotFound() {
		Http http = new Http(this.port);
		Firms.TestFirm mine = Firms.create(http, "Mine");
		Firms.TestFirm theirs = Firms.create(http, "Theirs");
		String theirAdmin = http.get("/api/v1/staff/me", theirs.adminToken()).json().get("id").asString();

		assertThat(http.get("/api/v1/staff/" + theirAdmin, mine.adminToken()).status()).isEqualTo(404);
		Http.Response patch = http.patchJson("/api/v1/staff/" + theirAdmin, "{\"enabled\":false}", mine.adminToken());
		assertThat(patch.status()).isEqualTo(404);
		assertThat(http.get("/api/v1/staff/me", theirs.adminToken()).status()).as("unchanged").isEqualTo(200);
		assertThat(http.get("/api/v1/staff", mine.adminToken()).body()).doesNotContain(theirs.adminEmail());
		assertThat(http.get("/api/v1/staff/not-a-uuid", mine.adminToken()).status()).isEqualTo(404);

		Http.Response steal = http.postJson("/api/v1/staff/invitations",
				Http.json(Map.of("email", theirs.adminEmail(), "name", "Taken", "role", "ADMIN")), mine.adminToken());
		assertThat(steal.status()).isEqualTo(409);
	}

}
