package app.dossier.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.PortalSession;
import app.dossier.support.TestMail;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal story end to end in real browsers: staff give access, the contact signs in
 * from the emailed link, sees only what is shared, uploads, staff see it as new, unshare,
 * and replace a document with a new version.
 */
@DossierIntegrationTest
class PortalStoryBrowserIT extends BrowserTest {

	@LocalServerPort
	int port;

	@Test
	void staffShareAContactSignsInUploadsAndGetsTheNewVersion() throws Exception {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Story Firm");
		String token = firm.adminToken();
		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", token);
		String client = Customers.client(http, token, "Nora Story");
		String email = "nora-" + System.nanoTime() + "@customer.test";
		http.postJson("/api/v1/clients/" + client + "/contacts", Http.json(Map.of("name", "Nora", "email", email)),
				token);
		upload(http, token, client, "Engagement letter.pdf", "letter v1", Map.of());
		upload(http, token, client, "Tax summary.pdf", "summary", Map.of());
		upload(http, token, client, "Internal notes.txt", "internal", Map.of("visibleToClient", "false"));

		try (BrowserContext staffContext = this.browser
			.newContext(new Browser.NewContextOptions().setAcceptDownloads(true));
				BrowserContext customerContext = this.browser
					.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
						.setIsMobile(true)
						.setHasTouch(true)
						.setAcceptDownloads(true))) {
			Page staff = staffContext.newPage();
			signInStaff(staff, base, firm);

			// Staff give Nora portal access and share two documents with her.
			staff.navigate(base + "/clients/" + client + "/contacts");
			staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give portal access")).click();
			assertThat(staff.getByRole(AriaRole.STATUS)).containsText("can now sign in");
			for (String name : List.of("Engagement letter.pdf", "Tax summary.pdf")) {
				staff.locator("select[name=target]").selectOption(new SelectOption().setLabel(name));
				staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share").setExact(true)).click();
				assertThat(staff.locator(".plain-list")).containsText(name);
			}
			MimeMessage invitation = TestMail.awaitMessageTo(email);
			String loginLink = TestMail.linkIn(invitation, "/portal/login");

			// Nora signs in on her phone through the emailed link.
			Page customer = customerContext.newPage();
			customer.navigate(loginLink);
			customer.getByLabel("Email address").fill(email);
			int before = PortalSession.signInMails(email).size();
			customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a sign-in link")).click();
			assertThat(customer.getByRole(AriaRole.HEADING)).hasText("Check your email");
			await().until(() -> PortalSession.signInMails(email).size() > before);
			List<MimeMessage> mails = PortalSession.signInMails(email);
			customer.navigate(TestMail.linkIn(mails.get(mails.size() - 1), "/portal/login/ott"));
			customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			assertThat(customer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("Hello, Nora");

			customer.navigate(base + "/portal/files");
			Locator documents = customer.locator(".doc-row .doc-link");
			assertThat(documents).hasText(new String[] { "Engagement letter.pdf", "Tax summary.pdf" });
			assertThat(customer.locator("main")).not().containsText("Internal notes");

			// She uploads two files into Client Uploads.
			customer.locator("form[data-upload] input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
				.setInputFiles(new FilePayload[] {
						new FilePayload("Bank statement.pdf", "application/pdf", bytes("%PDF-1.4 statement")),
						new FilePayload("Receipt.jpg", "image/jpeg", bytes("jpeg receipt")) });
			assertThat(customer.locator("[data-upload-done]")).containsText("We received 2 files");
			customer.screenshot(
					new Page.ScreenshotOptions().setPath(Browsers.screenshot("portal-files-phone")).setFullPage(true));

			// Staff see the two uploads as new.
			staff.navigate(base + "/clients");
			Locator row = staff.locator("#client-list tr").filter(new Locator.FilterOptions().setHasText("Nora Story"));
			assertThat(row.locator(".badge-new")).hasText("2 new");
			assertThat(row.locator(".badge-brand")).hasText("5");
			row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Nora Story")).click();
			assertThat(staff.locator("tr.document-row .badge-new")).hasCount(2);
			assertThat(staff.locator("tr.document-row").filter(new Locator.FilterOptions().setHasText("Receipt.jpg")))
				.containsText("Document (Portal)");
			staff.screenshot(
					new Page.ScreenshotOptions().setPath(Browsers.screenshot("staff-new-uploads")).setFullPage(true));

			// Staff take the tax summary off the portal; it stays with the client.
			staff.navigate(base + "/clients/" + client + "/sharing");
			staff.locator(".plain-list li")
				.filter(new Locator.FilterOptions().setHasText("Tax summary.pdf"))
				.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove from portal"))
				.click();
			assertThat(staff.getByRole(AriaRole.STATUS)).containsText("stays in the client's files");
			customer.navigate(base + "/portal/files");
			assertThat(customer.locator("main")).not().containsText("Tax summary.pdf");
			assertThat(customer.locator("main")).containsText("Engagement letter.pdf");
			staff.navigate(base + "/clients/" + client + "/files");
			assertThat(staff.locator("tr.document-row")).hasCount(5);

			// Staff upload a new version of the letter; Nora downloads the new bytes.
			staff.locator("tr.document-row")
				.filter(new Locator.FilterOptions().setHasText("Engagement letter.pdf"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Versions (1)"))
				.click();
			staff.locator("#version-file")
				.setInputFiles(new FilePayload("Engagement letter signed.pdf", "application/pdf", bytes("letter v2")));
			staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload version")).click();
			assertThat(staff.getByRole(AriaRole.STATUS)).containsText("Version 2");
			assertThat(staff.locator("tr.version-row")).hasCount(2);

			customer.navigate(base + "/portal/files");
			Download download = customer.waitForDownload(() -> customer.locator(".doc-row .doc-link")
				.filter(new Locator.FilterOptions().setHasText("Engagement letter.pdf"))
				.click());
			assertThat(Files.readString(download.path())).isEqualTo("letter v2");
		}
	}

	@Test
	void aContactPagesThroughAFolderOfMoreDocumentsThanOnePageHolds() {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Many Pages Firm");
		String token = firm.adminToken();
		http.patchJson("/api/v1/settings", "{\"maxFilesPerUpload\":100}", token);
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Many Statements");
		String folder = http
			.postJson("/api/v1/clients/" + customer.clientId() + "/folders", Http.json(Map.of("name", "Statements")),
					token)
			.json()
			.get("id")
			.asString();
		http.postJson("/api/v1/folders/" + folder + "/shares",
				Http.json(Map.of("contactId", customer.contactId(), "permission", "VIEW")), token);
		for (int from = 1; from <= 230; from += 100) {
			List<FilePart> files = new java.util.ArrayList<>();
			for (int i = from; i < Math.min(from + 100, 231); i++) {
				String name = String.format("statement-%03d.pdf", i);
				files.add(FilePart.file(name, bytes("%PDF-1.4 " + name)));
			}
			assertThat(http
				.postMultipart("/api/v1/clients/" + customer.clientId() + "/documents", token, files,
						Map.of("folderId", folder, "visibleToClient", "true"))
				.status()).isEqualTo(201);
		}

		try (BrowserContext context = this.browser.newContext(
				new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
			Page page = signInContact(context, base, http, customer.email());
			page.navigate(base + "/portal/files?folder=" + folder);
			Locator names = page.locator(".doc-row .doc-link");
			Locator pager = page.locator(".pager");
			assertThat(names).hasCount(100);
			assertThat(names.first()).hasText("statement-001.pdf");
			assertThat(names.last()).hasText("statement-100.pdf");
			assertThat(pager).containsText("1–100 of 230");
			assertThat(pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous"))).hasCount(0);

			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
			assertThat(pager).containsText("101–200 of 230");
			assertThat(names.first()).hasText("statement-101.pdf");
			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
			assertThat(names).hasCount(30);
			assertThat(names.last()).hasText("statement-230.pdf");
			assertThat(pager).containsText("201–230 of 230");
			assertThat(pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next"))).hasCount(0);

			// Past the last page, and pages that cannot be, change nothing and say so.
			page.navigate(base + "/portal/files?folder=" + folder + "&page=7");
			assertThat(names).hasCount(0);
			assertThat(page.locator("main")).containsText("No documents on this page.");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the first page")).click();
			assertThat(names).hasCount(100);
			page.navigate(base + "/portal/files?folder=" + folder + "&page=-4");
			assertThat(pager).containsText("1–100 of 230");
			com.microsoft.playwright.Response two = page
				.navigate(base + "/portal/files?folder=" + folder + "&page=two");
			assertThat(two.status()).isEqualTo(400);
			assertThat(two.headerValue("content-type")).startsWith("text/html");
			page.navigate(base + "/portal/files?folder=" + folder);

			// Newest first keeps its order across pages, and a search starts again on its
			// first page.
			page.getByLabel("Sort").selectOption("date");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sort=date.*"));
			assertThat(names.first()).hasText("statement-230.pdf");
			pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
			assertThat(names.first()).hasText("statement-130.pdf");
			page.getByLabel("Search documents").fill("statement-2");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
			assertThat(names).hasCount(31);
			assertThat(pager).hasCount(0);
		}
	}

	private static void upload(Http http, String token, String client, String name, String content,
			Map<String, String> fields) {
		Http.Response response = http.postMultipart("/api/v1/clients/" + client + "/documents", token,
				List.of(FilePart.file(name, bytes(content))), fields);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
