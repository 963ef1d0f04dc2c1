package app.dossier.browser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.dropbox.core.http.HttpRequestor;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.DropboxStub;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator connects the firm's Dropbox in a real browser, keeps new client
 * folders there, and sees a file someone put straight into a client's Dropbox folder
 * appear in the client's files. Dropbox is a local stand-in whose "Allow" answers at
 * once.
 */
@DossierIntegrationTest
class StorageSettingsBrowserIT extends BrowserTest {

	static final DropboxStub dropbox = DropboxStub.start();

	static {
		// Dropbox's consent screen, already answered "Allow": back to Dossier with a
		// code.
		dropbox.server()
			.stubFor(get(urlPathEqualTo("/oauth2/authorize")).atPriority(1)
				.willReturn(aResponse().withStatus(302)
					.withHeader("Location",
							"{{request.query.redirect_uri}}?code=browser-code&state={{urlEncode request.query.state}}")
					.withTransformers("response-template")));
	}

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@DynamicPropertySource
	static void dropboxApp(DynamicPropertyRegistry registry) {
		registry.add("dossier.storage.dropbox.app-key", () -> "dossier-browser-app");
		registry.add("dossier.storage.dropbox.app-secret", () -> "dossier-browser-secret");
		registry.add("dossier.storage.dropbox.authorization-uri", () -> dropbox.baseUrl() + "/oauth2/authorize");
		registry.add("dossier.storage.dropbox.token-uri", () -> dropbox.baseUrl() + "/oauth2/token");
		registry.add("dossier.storage.dropbox.api-uri", () -> dropbox.apiUri().toString());
		registry.add("dossier.storage.dropbox.content-uri", () -> dropbox.contentUri().toString());
	}

	@AfterAll
	static void stopDropbox() {
		dropbox.close();
	}

	@Test
	void anAdministratorConnectsDropboxAndFilesDroppedThereReachTheClient() {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Browser Dropbox");
		dropbox.server()
			.stubFor(post(urlPathEqualTo("/oauth2/token")).atPriority(1)
				.withRequestBody(containing("code=browser-code"))
				.willReturn(okJson(Http.json(Map.of("access_token", dropbox.issueToken(), "token_type", "bearer",
						"expires_in", 14400, "refresh_token", "browser-refresh", "account_id", "dbid:browser")))));
		byte[] letter = "%PDF-1.4\nengagement letter".getBytes(StandardCharsets.US_ASCII);

		Page page = this.browser.newPage();
		signInStaff(page, base, firm);
		page.navigate(base + "/settings");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Storage platform")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Storage");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connect Dropbox")).click();

		assertThat(page).hasURL(base + "/settings/storage");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Dropbox is connected");
		page.getByLabel("Your Dropbox").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("New client folders will be created in Dropbox");
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Browsers.screenshot("storage-settings")).setFullPage(true));

		page.navigate(base + "/clients");
		page.getByLabel("Name").fill("Harbour Bakery");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add client")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.containsText("Harbour Bakery");
		page.locator("form[data-upload] input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
			.setInputFiles(new FilePayload("Engagement letter.pdf", "application/pdf", letter));
		assertThat(page.locator("tr.document-row")).hasCount(1);
		assertThat(dropbox.content("/customers/Harbour Bakery/Engagement letter.pdf").orElseThrow()).isEqualTo(letter);

		dropbox.write("/customers/Harbour Bakery/Signed by the client.pdf", "%PDF-1.4\nsigned".getBytes());
		this.clock.advance(Duration.ofSeconds(61));
		page.reload();

		Locator rows = page.locator("tr.document-row");
		assertThat(rows).hasCount(2);
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("Signed by the client.pdf"))).hasCount(1);
	}

	@TestConfiguration
	static class DropboxConnection {

		@Bean
		HttpRequestor dropboxRequestor() {
			return dropbox.httpRequestor();
		}

	}

}
