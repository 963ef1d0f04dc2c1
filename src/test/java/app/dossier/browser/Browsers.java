package app.dossier.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium for the end-to-end tests: Debian's {@code /usr/bin/chromium} where it
 * exists (and then Playwright never downloads a browser), Playwright's own elsewhere.
 */
final class Browsers {

	private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

	private Browsers() {
	}

	static Playwright playwright() {
		Playwright.CreateOptions options = new Playwright.CreateOptions();
		if (Files.isExecutable(SYSTEM_CHROMIUM)) {
			options.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
		}
		return Playwright.create(options);
	}

	static Browser chromium(Playwright playwright) {
		BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync"));
		if (Files.isExecutable(SYSTEM_CHROMIUM)) {
			options.setExecutablePath(SYSTEM_CHROMIUM);
		}
		return playwright.chromium().launch(options);
	}

	static Path screenshot(String name) {
		return Path.of("target", "screenshots", name + ".png");
	}

}
