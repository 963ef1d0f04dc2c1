package app.dossier.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import app.dossier.support.Customers;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.PortalSession;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Chromium per test class, started before its first test and closed after
 * its last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

	private Playwright playwright;

	protected Browser browser;

	@BeforeAll
	void startBrowser() {
		this.playwright = Browsers.playwright();
		this.browser = Browsers.chromium(this.playwright);
	}

	@AfterAll
	void stopBrowser() {
		this.browser.close();
		this.playwright.close();
	}

	/** Signs the firm's administrator in through the login form, as staff do. */
	protected static void signInStaff(Page page, String base, Firms.TestFirm firm) {
		page.navigate(base + "/login");
		page.getByLabel("Email").fill(firm.adminEmail());
		page.getByLabel("Password").fill(Firms.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).hasURL(base + "/");
	}

	/**
	 * Signs a contact in over HTTP and hands the session cookie to the browser; a page of
	 * that context.
	 */
	protected static Page signInContact(BrowserContext context, String base, Http http, String email) {
		String cookie = PortalSession.signIn(http, email);
		int equals = cookie.indexOf('=');
		context.addCookies(
				List.of(new Cookie(cookie.substring(0, equals), cookie.substring(equals + 1)).setUrl(base + "/")));
		return context.newPage();
	}

	/** A new client, made through the API; its id. */
	protected static String newClient(Http http, String token, String name) {
		return Customers.client(http, token, name);
	}

}
