package app.dossier.browser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff with more than a page holds: clients, and a client's documents, which they find
 * by name to share or offer, and page through what a contact sees and what is shared with
 * them.
 */
@DossierIntegrationTest
class LongListsBrowserIT extends BrowserTest {

	private static final int STATEMENTS = 230;

	@LocalServerPort
	int port;

	@Test
	void staffFindADocumentByNameToShareAndPageThroughWhatTheContactSees() {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Many Shares Firm");
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Many Statements");
		statements(http, firm, customer.clientId());

		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			signInStaff(page, base, firm);
			page.navigate(base + "/clients/" + customer.clientId() + "/sharing");
			Locator documentChoices = page.locator("#share-target optgroup[label^='Documents'] option");
			assertThat(documentChoices).hasCount(100);
			assertThat(page.locator("#share-target")).containsText("The first 100 documents by name are listed");

			page.getByLabel("Find a document to share").fill("statement-217");
			assertThat(documentChoices).hasCount(1);
			// The one found is chosen, ready to share.
			assertThat(page.locator("#share-target select option:checked")).hasText("statement-217.pdf");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Shared.");
			Locator seen = page.locator(".seen-list .doc-row");
			assertThat(seen).hasCount(1);
			assertThat(seen).containsText("statement-217.pdf");

			page.getByLabel("Find a document to share").fill("no such name");
			assertThat(page.locator("#share-target")).containsText("No document named like “no such name”.");
			page.locator("#share-target select").selectOption(new SelectOption().setLabel("Statements"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share").setExact(true)).click();
			assertThat(seen).hasCount(100);
			Locator pager = page.locator(".seen-pager");
			assertThat(pager).containsText("1–100 of 230");
			assertThat(seen.first()).containsText("statement-001.pdf");
			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
			assertThat(pager).containsText("101–200 of 230");
			assertThat(seen.first()).containsText("statement-101.pdf");
			// Folders come first among what is shared, then documents shared one by one.
			Locator shared = page.locator(".shares-list li");
			assertThat(shared).hasCount(3);
			assertThat(shared.nth(0)).containsText("Folder Client Uploads");
			assertThat(shared.nth(1)).containsText("Folder Statements");
			assertThat(shared.nth(2)).containsText("statement-217.pdf");
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Browsers.screenshot("staff-sharing-pages")).setFullPage(true));

			// Pages that cannot be change nothing and say so.
			page.navigate(base + "/clients/" + customer.clientId() + "/sharing?page=9");
			assertThat(page.locator("main")).containsText("No documents on this page.");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the first page")).click();
			assertThat(pager).containsText("1–100 of 230");
			Response two = page.navigate(base + "/clients/" + customer.clientId() + "/sharing?page=two");
			assertThat(two.status()).isEqualTo(400);
			assertThat(two.headerValue("content-type")).startsWith("text/html");
		}
	}

	@Test
	void whatIsSharedWithAContactComesAHundredAtATime() {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Many Single Shares Firm");
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "One By One");
		List<String> ids = upload(http, firm.adminToken(), customer.clientId(), null, 120);
		for (String id : ids) {
			Http.Response shared = http.postJson("/api/v1/documents/" + id + "/shares",
					Http.json(Map.of("contactId", customer.contactId(), "permission", "VIEW")), firm.adminToken());
			assertThat(shared.status()).as(shared.body()).isEqualTo(201);
		}

		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			signInStaff(page, base, firm);
			page.navigate(base + "/clients/" + customer.clientId() + "/sharing");
			Locator shared = page.locator(".shares-list li");
			Locator pager = page.locator(".shares-pager");
			assertThat(shared).hasCount(100);
			assertThat(shared.first()).containsText("Folder Client Uploads");
			assertThat(pager).containsText("1–100 of 121");
			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
			assertThat(shared).hasCount(21);
			assertThat(shared.last()).containsText("statement-120.pdf");
			shared.last()
				.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove from portal"))
				.click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("stays in the client's files");
			assertThat(pager).containsText("1–100 of 120");
		}
	}

	@Test
	void staffTickDocumentsFoundBySeveralSearchesAndTheDownloadLinkOffersExactlyThose() {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Many Offers Firm");
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Offered Few");
		statements(http, firm, customer.clientId());

		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			signInStaff(page, base, firm);
			page.navigate(base + "/clients/" + customer.clientId() + "/links");
			Locator offers = page.locator("#offer-list input[name='documentIds']");
			assertThat(offers).hasCount(100);
			assertThat(page.locator("#offer-list")).containsText("The first 100 documents by name are listed");

			page.getByLabel("Download documents").check();
			page.getByLabel("Find documents to offer").fill("statement-01");
			assertThat(offers).hasCount(10);
			page.getByLabel("statement-012.pdf").check();
			page.getByLabel("statement-015.pdf").check();
			page.getByLabel("Find documents to offer").fill("statement-22");
			// The two ticked stay, first, beside the ten new matches.
			assertThat(offers).hasCount(12);
			assertThat(page.locator("#offer-list input[name='documentIds']:checked")).hasCount(2);
			page.getByLabel("statement-225.pdf").check();
			page.locator("#offer-list")
				.screenshot(new Locator.ScreenshotOptions().setPath(Browsers.screenshot("staff-link-offer-search")));
			page.getByLabel("Message to the recipient").fill("Three statements, as asked.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make link")).click();

			assertThat(page.getByRole(AriaRole.STATUS)).containsText("Link made");
			Locator offered = page.locator(".doc-list .doc-row");
			assertThat(offered).hasCount(3);
			assertThat(offered.nth(0)).containsText("statement-012.pdf");
			assertThat(offered.nth(1)).containsText("statement-015.pdf");
			assertThat(offered.nth(2)).containsText("statement-225.pdf");

			Response bad = page
				.navigate(base + "/clients/" + customer.clientId() + "/links?documentIds=not-a-document");
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.headerValue("content-type")).startsWith("text/html");
		}
	}

	@Test
	void staffPageThroughAFirmOfMoreClientsThanOnePageHolds() {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Many Clients Firm");
		for (int i = 1; i <= 30; i++) {
			newClient(http, firm.adminToken(), String.format("Client %02d", i));
		}

		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			signInStaff(page, base, firm);
			page.navigate(base + "/clients");
			Locator rows = page.locator("#client-list tbody tr");
			Locator pager = page.locator("#client-list .pager");
			assertThat(rows).hasCount(25);
			assertThat(pager).containsText("Page 1");
			assertThat(pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous"))).hasCount(0);
			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
			assertThat(pager).containsText("Page 2");
			assertThat(rows).hasCount(5);
			assertThat(pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next"))).hasCount(0);
			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous")).click();
			assertThat(rows).hasCount(25);
		}
	}

	/** A folder "Statements" of 230 documents visible to the customer; its id. */
	private static String statements(Http http, Firms.TestFirm firm, String client) {
		String token = firm.adminToken();
		String folder = http
			.postJson("/api/v1/clients/" + client + "/folders", Http.json(Map.of("name", "Statements")), token)
			.json()
			.get("id")
			.asString();
		upload(http, token, client, folder, STATEMENTS);
		return folder;
	}

	/** statement-001.pdf … in the folder (null: top level), visible to the customer. */
	private static List<String> upload(Http http, String token, String client, String folder, int count) {
		http.patchJson("/api/v1/settings", "{\"maxFilesPerUpload\":100}", token);
		List<String> ids = new ArrayList<>();
		for (int from = 1; from <= count; from += 100) {
			List<FilePart> files = new ArrayList<>();
			for (int i = from; i < Math.min(from + 100, count + 1); i++) {
				String name = String.format("statement-%03d.pdf", i);
				files.add(FilePart.file(name, ("%PDF-1.4 " + name).getBytes(StandardCharsets.UTF_8)));
			}
			Map<String, String> fields = (folder != null) ? Map.of("folderId", folder, "visibleToClient", "true")
					: Map.of("visibleToClient", "true");
			Http.Response uploaded = http.postMultipart("/api/v1/clients/" + client + "/documents", token, files,
					fields);
			assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
			for (JsonNode item : uploaded.json().get("items")) {
				ids.add(item.get("id").asString());
			}
		}
		return ids;
	}

}
