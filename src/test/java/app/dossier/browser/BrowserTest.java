package app.dossier.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

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

}
