package app.dossier.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A staff member's daily path through a client's files, in a real browser. */
@DossierIntegrationTest
class ClientFilesBrowserIT extends BrowserTest {

	@LocalServerPort
	int port;

	@Test
	void staffAddAClientUploadFilesToggleVisibilitySortSearchAndDownload() throws Exception {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Browser Files");
		byte[] alpha = "alpha contents".getBytes(StandardCharsets.UTF_8);
		byte[] beta = "%PDF-1.4\nbeta".getBytes(StandardCharsets.US_ASCII);
		byte[] gamma = new byte[300_000];
		new java.util.Random(7).nextBytes(gamma);

		try (BrowserContext context = this.browser
			.newContext(new Browser.NewContextOptions().setAcceptDownloads(true))) {
			Page page = context.newPage();
			signInStaff(page, base, firm);

			page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Clients"))
				.click();
			assertThat(page).hasURL(base + "/clients");
			page.getByLabel("Name").fill("Ørsted & Daughters");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add client")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.containsText("Ørsted & Daughters");

			page.locator("form[data-upload] input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
				.setInputFiles(new FilePayload[] { new FilePayload("alpha.txt", "text/plain", alpha),
						new FilePayload("Beta report.pdf", "application/pdf", beta),
						new FilePayload("gamma.bin", "application/octet-stream", gamma) });
			assertThat(page.locator("form[data-upload] .uppy-Dashboard-Item.is-complete")).hasCount(3);
			Locator rows = page.locator("tr.document-row");
			// The list is fetched again once the uploads finish; on a busy machine (one
			// run
			// here, beside another build) that took longer than the default five seconds.
			assertThat(rows).hasCount(3, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
			assertThat(page.locator("#document-count")).hasText("3");
			assertThat(rows.locator(".doc-name > a"))
				.hasText(new String[] { "alpha.txt", "Beta report.pdf", "gamma.bin" });
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Browsers.screenshot("client-files")).setFullPage(true));

			Locator betaRow = rows.filter(new Locator.FilterOptions().setHasText("Beta report.pdf"));
			// The switch flips at once in the page; wait for the server's answer before
			// asking the API.
			page.waitForResponse((response) -> response.url().contains("/flags"),
					() -> betaRow.getByLabel("Visible to customer: Beta report.pdf").uncheck());
			assertThat(page.locator("tr.document-row")
				.filter(new Locator.FilterOptions().setHasText("Beta report.pdf"))
				.getByLabel("Visible to customer: Beta report.pdf")).not().isChecked();
			String clientId = page.url().replaceAll(".*/clients/([^/]+)/files.*", "$1");
			JsonNode documents = http.get("/api/v1/clients/" + clientId + "/documents", firm.adminToken())
				.json()
				.get("items");
			Map<String, Boolean> visible = new java.util.HashMap<>();
			documents.forEach((d) -> visible.put(d.get("name").asString(), d.get("visibleToClient").asBoolean()));
			assertThat(visible).containsEntry("Beta report.pdf", false)
				.containsEntry("alpha.txt", true)
				.containsEntry("gamma.bin", true);

			page.locator("th a[data-sort=name]").click();
			assertThat(page.locator("tr.document-row .doc-name > a"))
				.hasText(new String[] { "gamma.bin", "Beta report.pdf", "alpha.txt" });
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sort=name&order=desc.*"));

			page.getByLabel("Search documents").fill("BETA");
			assertThat(page.locator("tr.document-row")).hasCount(1);
			assertThat(page.locator("tr.document-row .doc-name > a")).hasText("Beta report.pdf");

			Download download = page.waitForDownload(() -> page.locator("tr.document-row .doc-name > a").click());
			assertThat(download.suggestedFilename()).isEqualTo("Beta report.pdf");
			Path saved = download.path();
			assertThat(Files.readAllBytes(saved)).isEqualTo(beta);

			page.getByLabel("Search documents").fill("");
			assertThat(page.locator("tr.document-row")).hasCount(3);
			Download big = page.waitForDownload(() -> page.locator("tr.document-row .doc-name > a")
				.filter(new Locator.FilterOptions().setHasText("gamma.bin"))
				.click());
			assertThat(Files.readAllBytes(big.path())).isEqualTo(gamma);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Activity").setExact(true)).click();
			assertThat(page.locator("main")).containsText("document.visibility_changed");
			assertThat(page.locator("main")).containsText("document.downloaded");

			page.navigate(base + "/clients");
			assertThat(page.locator("#client-list .badge-brand")).hasText("3");
		}
	}

	@Test
	void staffPageThroughAClientWithMoreDocumentsThanOnePageHolds() {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Browser Pages");
		http.patchJson("/api/v1/settings", "{\"maxFilesPerUpload\":100}", firm.adminToken());
		String client = newClient(http, firm.adminToken(), "Many Papers");
		String folder = http
			.postJson("/api/v1/clients/" + client + "/folders", Http.json(Map.of("name", "Payroll")), firm.adminToken())
			.json()
			.get("id")
			.asString();
		upload(http, firm, client, null, "note", 110);
		upload(http, firm, client, folder, "pay", 120);

		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			signInStaff(page, base, firm);
			page.navigate(base + "/clients/" + client + "/files?sort=name&order=asc");

			Locator names = page.locator("tr.document-row .doc-name > a[download]");
			Locator pager = page.locator("#documents .pager");
			assertThat(names).hasCount(100);
			assertThat(names.first()).hasText("note-001.txt");
			assertThat(names.last()).hasText("note-100.txt");
			assertThat(pager).containsText("Documents 1–100");
			assertThat(pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous"))).hasCount(0);
			assertThat(page.locator("#document-count")).hasText("230");

			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sort=name&order=asc.*page=1.*"));
			assertThat(names).hasCount(100);
			assertThat(names.first()).hasText("note-101.txt");
			assertThat(names.last()).hasText("pay-090.txt");
			assertThat(pager).containsText("Documents 101–200");

			// An edit returns to the page it was made on.
			Locator row = page.locator("tr.document-row").filter(new Locator.FilterOptions().setHasText("pay-050.txt"));
			row.locator("summary").click();
			row.getByLabel("Notes").fill("Checked");
			row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
			assertThat(page.locator("main")).containsText("Saved pay-050.txt.");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sort=name&order=asc.*page=1.*"));
			assertThat(names.first()).hasText("note-101.txt");
			assertThat(page.locator("tr.document-row")
				.filter(new Locator.FilterOptions().setHasText("pay-050.txt"))
				.locator(".notes")).hasText("Checked");
			// Anywhere else than this client's list is not a place to return to.
			Locator again = page.locator("tr.document-row")
				.filter(new Locator.FilterOptions().setHasText("pay-050.txt"));
			again.locator("summary").click();
			again.locator("form.stack input[name=back]")
				.evaluate("(input) => input.value = 'https://example.com/elsewhere'");
			again.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
			assertThat(page).hasURL(base + "/clients/" + client + "/files");
			page.goBack();
			page.navigate(base + "/clients/" + client + "/files?sort=name&order=asc&page=1");

			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
			assertThat(names).hasCount(30);
			assertThat(names.last()).hasText("pay-120.txt");
			assertThat(pager).containsText("Documents 201–230");
			assertThat(pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next"))).hasCount(0);
			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous")).click();
			assertThat(names.first()).hasText("note-101.txt");

			// A search starts again at its first page.
			page.getByLabel("Search documents").fill("pay-11");
			assertThat(names).hasCount(10);
			assertThat(names.first()).hasText("pay-110.txt");
			assertThat(pager).hasCount(0);

			// A folder pages through its own documents only.
			page.navigate(base + "/clients/" + client + "/files?sort=name&order=asc&folder=" + folder);
			assertThat(names).hasCount(100);
			assertThat(names.first()).hasText("pay-001.txt");
			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
			assertThat(names).hasCount(20);
			assertThat(names.last()).hasText("pay-120.txt");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*folder=" + folder + ".*page=1.*"));

			// Past the last page, and pages that cannot be, change nothing and say so.
			page.navigate(base + "/clients/" + client + "/files?page=7");
			assertThat(names).hasCount(0);
			assertThat(page.locator("#documents")).containsText("No documents on this page.");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the first page")).click();
			assertThat(names).hasCount(100);
			page.navigate(base + "/clients/" + client + "/files?page=-4");
			assertThat(names).hasCount(100);
			assertThat(pager).containsText("Documents 1–100");
			assertThat(page.navigate(base + "/clients/" + client + "/files?page=two").status()).isEqualTo(400);
		}
	}

	/**
	 * {@code count} small text files named {@code prefix-001.txt} …, 100 to a request.
	 */
	private static void upload(Http http, Firms.TestFirm firm, String client, String folder, String prefix, int count) {
		for (int from = 1; from <= count; from += 100) {
			List<Http.FilePart> files = new java.util.ArrayList<>();
			for (int i = from; i < Math.min(from + 100, count + 1); i++) {
				String name = String.format("%s-%03d.txt", prefix, i);
				files.add(Http.FilePart.file(name, (name + " contents").getBytes(StandardCharsets.UTF_8)));
			}
			Map<String, String> fields = (folder != null) ? Map.of("folderId", folder) : Map.of();
			assertThat(http.postMultipart("/api/v1/clients/" + client + "/documents", firm.adminToken(), files, fields)
				.status()).isEqualTo(201);
		}
	}

}
