package app.dossier.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.TestMail;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The first day of a firm, in a real browser: setup, sign-in, invitation, a colleague
 * joins.
 */
@DossierIntegrationTest
@TestPropertySource(properties = "dossier.test.context=browser-onboarding")
class StaffOnboardingBrowserIT extends BrowserTest {

	private static final String ADMIN_PASSWORD = "harbour-violet-engine-7";

	private static final String STAFF_PASSWORD = "meadow copper kettle 19";

	@LocalServerPort
	int port;

	@Test
	void anAdministratorSetsUpTheFirmAndInvitesAColleagueWhoJoins() {
		String base = "http://localhost:" + this.port;
		try (BrowserContext adminContext = this.browser.newContext()) {
			Page admin = adminContext.newPage();
			admin.navigate(base + "/");
			assertThat(admin).hasURL(base + "/setup");
			assertThat(admin.getByRole(AriaRole.HEADING)).hasText("Welcome to Dossier");
			admin.getByLabel("Firm name").fill("Harbour & Hill Accountants");
			admin.getByLabel("Your name").fill("Ada Lovelace");
			admin.getByLabel("Your email").fill("ada@harbour.test");
			admin.getByLabel("Password").fill(ADMIN_PASSWORD);
			admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create firm")).click();

			assertThat(admin).hasURL(base + "/login");
			assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Your firm is ready");
			assertThat(admin.getByLabel("Email")).hasValue("ada@harbour.test");
			admin.getByLabel("Password").fill(ADMIN_PASSWORD);
			admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

			assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("Welcome, Ada Lovelace");
			assertThat(admin.locator(".firm-name")).hasText("Harbour & Hill Accountants");
			admin.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("home")).setFullPage(true));

			admin.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
				.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Staff"))
				.click();
			assertThat(admin).hasURL(base + "/staff");
			admin.getByLabel("Name").fill("Bob Marley");
			admin.getByLabel("Email").fill("bob@harbour.test");
			admin.getByLabel("Role").selectOption("STAFF");
			admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
			assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Invitation sent to bob@harbour.test");
			assertThat(admin.locator("tr[data-email='bob@harbour.test']")).containsText("Invited");
			admin.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("staff")).setFullPage(true));
		}

		String link = TestMail.linkIn(TestMail.awaitMessageTo("bob@harbour.test"), "/invitations/");
		try (BrowserContext bobContext = this.browser
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
			Page bob = bobContext.newPage();
			bob.navigate(link);
			assertThat(bob.getByRole(AriaRole.HEADING)).hasText("Join your team");
			assertThat(bob.getByLabel("Your name")).hasValue("Bob Marley");
			bob.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(STAFF_PASSWORD);
			bob.getByLabel("Repeat the password").fill(STAFF_PASSWORD);
			bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password and continue")).click();

			assertThat(bob).hasURL(base + "/login");
			assertThat(bob.getByRole(AriaRole.STATUS)).containsText("Welcome, Bob Marley");
			bob.getByLabel("Password").fill(STAFF_PASSWORD);
			bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			assertThat(bob.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("Welcome, Bob Marley");
			assertThat(bob.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit trail"))).hasCount(0);
			bob.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("phone-home")).setFullPage(true));

			bob.navigate(link);
			assertThat(bob.getByRole(AriaRole.HEADING)).hasText("This link no longer works");
		}
	}

}
