package app.dossier.browser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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

/**
 * The uploader (Uppy's Dashboard over tus) in real browsers: staff and portal uploads, a
 * connection cut in the middle of an upload and resumed, and a file refused before it is
 * sent. Every page is watched for Content-Security-Policy violations.
 */
@DossierIntegrationTest
class UploaderBrowserIT extends BrowserTest {

	/** Longer than tus's retries ([0, 1, 3, 5] seconds) with room for a busy machine. */
	private static final LocatorAssertions.IsVisibleOptions AFTER_RETRIES = new LocatorAssertions.IsVisibleOptions()
		.setTimeout(45_000);

	@LocalServerPort
	int port;

	@Test
	void staffUploadTwoFilesThroughTheDashboardIntoAFolder() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Uploader Staff");
		String client = newClient(http, firm.adminToken(), "Ida Quill");
		String folder = http
			.postJson("/api/v1/clients/" + client + "/folders", Http.json(Map.of("name", "Payroll")), firm.adminToken())
			.json()
			.get("id")
			.asString();
		byte[] letter = "%PDF-1.4\nletter".getBytes(StandardCharsets.US_ASCII);
		byte[] ledger = random(700_000, 11);

		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			List<String> problems = watch(page);
			signInStaff(page, base(), firm);
			page.navigate(base() + "/clients/" + client + "/files?folder=" + folder);
			Locator form = page.locator("form[data-upload]");
			assertThat(form.locator(".uppy-Dashboard")).isVisible();
			// The plain drop zone stays for pages without script; here the Dashboard
			// stands in for it.
			assertThat(form.locator("[data-drop-target]")).isHidden();
			assertThat(form.locator(".uppy-Dashboard-note")).containsText("each");
			// The form's options go with every file, as tus metadata.
			form.getByLabel("Visible to customer").uncheck();
			form.getByLabel("Show on customer's dashboard").check();
			form.getByLabel("Notes").fill("Year-end pack");

			form.locator("input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
				.setInputFiles(new FilePayload[] { new FilePayload("Engagement letter.pdf", "application/pdf", letter),
						new FilePayload("Ledger 2025.bin", "application/octet-stream", ledger) });
			assertThat(form.locator(".uppy-Dashboard-Item.is-complete")).hasCount(2);
			assertThat(form.locator(".uppy-StatusBar.is-complete")).isVisible();
			assertThat(page.locator("tr.document-row")).hasCount(2);
			assertThat(page.locator("tr.document-row .doc-name a[download]"))
				.hasText(new String[] { "Engagement letter.pdf", "Ledger 2025.bin" });
			assertThat(page.locator("#document-count")).hasText("2");
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Browsers.screenshot("uploader-staff")).setFullPage(true));

			Map<String, JsonNode> documents = documents(http, firm.adminToken(), client);
			assertThat(documents).containsOnlyKeys("Engagement letter.pdf", "Ledger 2025.bin");
			assertThat(documents.get("Engagement letter.pdf").get("sha256").asString()).isEqualTo(sha256(letter));
			assertThat(documents.get("Ledger 2025.bin").get("sha256").asString()).isEqualTo(sha256(ledger));
			assertThat(documents.values()).allSatisfy((d) -> {
				assertThat(d.get("folderId").asString()).isEqualTo(folder);
				assertThat(d.get("source").asString()).isEqualTo("STAFF");
				assertThat(d.get("visibleToClient").asBoolean()).isFalse();
				assertThat(d.get("showOnDashboard").asBoolean()).isTrue();
				assertThat(d.get("notes").asString()).isEqualTo("Year-end pack");
			});
			assertThat(problems).isEmpty();
		}
	}

	@Test
	void aContactUploadsFromTheirPhoneThroughTheDashboard() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Uploader Portal");
		Customer customer = customer(http, firm, "Pia Lund");
		byte[] receipt = random(40_000, 5);

		try (BrowserContext context = phone()) {
			Page page = signInContact(context, base(), http, customer.email());
			List<String> problems = watch(page);
			page.navigate(base() + "/portal/files");
			Locator form = page.locator("form[data-upload]");
			assertThat(form.locator(".uppy-Dashboard")).isVisible();
			assertThat(form.locator("[data-upload-fallback]").first()).isHidden();
			// On a phone the camera is one of the sources.
			assertThat(form.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("Take a photo")))
				.isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("uploader-portal-phone"))
				.setFullPage(true));

			form.locator("input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
				.setInputFiles(new FilePayload("Receipt.jpg", "image/jpeg", receipt));
			assertThat(form.locator("[data-upload-done]")).containsText("We received 1 file: Receipt.jpg");
			assertThat(form.locator(".uppy-Dashboard-Item.is-complete")).hasCount(1);

			Map<String, JsonNode> documents = documents(http, firm.adminToken(), customer.client());
			assertThat(documents).containsOnlyKeys("Receipt.jpg");
			JsonNode document = documents.get("Receipt.jpg");
			assertThat(document.get("sha256").asString()).isEqualTo(sha256(receipt));
			assertThat(document.get("source").asString()).isEqualTo("PORTAL");
			assertThat(document.get("folderId").asString()).isEqualTo(customer.uploadsFolder());
			assertThat(problems).isEmpty();
		}
	}

	@Test
	void aConnectionCutMidUploadShowsItsErrorUntilRetryResumesTheSameUpload() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Uploader Resume");
		Customer customer = customer(http, firm, "Rui Costa");
		byte[] statement = random(4 * 1024 * 1024, 3);

		try (BrowserContext context = this.browser.newContext()) {
			Page page = signInContact(context, base(), http, customer.email());
			List<String> problems = watch(page);
			List<String> tusRequests = new CopyOnWriteArrayList<>();
			page.onRequest((request) -> {
				if (request.url().contains("/portal/uploads")) {
					tusRequests.add(request.method() + " " + request.url().replaceAll("^https?://[^/]+", ""));
				}
			});
			page.navigate(base() + "/portal/files");
			Locator form = page.locator("form[data-upload]");
			assertThat(form.locator(".uppy-Dashboard")).isVisible();

			// The upload is created, then every request to its address fails as if the
			// network were gone: the PATCH with the bytes and tus's HEADs when it
			// retries.
			String blocked = "**/portal/uploads/**";
			page.route(blocked, (route) -> route.abort());
			form.locator("input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
				.setInputFiles(new FilePayload("Bank statement.pdf", "application/pdf", statement));

			Locator failed = form.locator(".upload-list li.failed");
			assertThat(failed).isVisible(AFTER_RETRIES);
			assertThat(failed).containsText("Bank statement.pdf");
			assertThat(failed).containsText("connection was lost");
			assertThat(form.locator(".uppy-Dashboard-Item.is-error")).hasCount(1);
			assertThat(form.locator(".uppy-StatusBar.is-error")).isVisible();
			// Uppy's own message fades; the error beside the file does not.
			assertThat(page.locator(".uppy-Informer p")).hasCount(0,
					new LocatorAssertions.HasCountOptions().setTimeout(20_000));
			assertThat(failed).containsText("connection was lost");
			page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("uploader-connection-lost"))
				.setFullPage(true));
			assertThat(documents(http, firm.adminToken(), customer.client())).isEmpty();
			assertThat(tusRequests).filteredOn((r) -> r.startsWith("POST ")).hasSize(1);
			assertThat(tusRequests).filteredOn((r) -> r.startsWith("PATCH ")).isNotEmpty();

			page.unroute(blocked);
			form.locator(".uppy-StatusBar-actionBtn--retry").click();
			assertThat(form.locator("[data-upload-done]")).containsText("We received 1 file: Bank statement.pdf");
			assertThat(failed).hasCount(0);
			assertThat(form.locator(".uppy-Dashboard-Item.is-complete")).hasCount(1);

			// The same upload went on: no second one was created.
			assertThat(tusRequests).filteredOn((r) -> r.startsWith("POST ")).hasSize(1);
			Map<String, JsonNode> documents = documents(http, firm.adminToken(), customer.client());
			assertThat(documents).containsOnlyKeys("Bank statement.pdf");
			assertThat(documents.get("Bank statement.pdf").get("sha256").asString()).isEqualTo(sha256(statement));
			assertThat(documents.get("Bank statement.pdf").get("size").asLong()).isEqualTo(statement.length);
			assertThat(problems).filteredOn((p) -> p.contains("Content Security Policy")).isEmpty();
		}
	}

	@Test
	void aFileTheServerRefusesShowsItsReasonBesideIt() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Uploader Refusal");
		Http.Response changed = http.patchJson("/api/v1/settings", "{\"allowedTypes\":[\"pdf\"]}", firm.adminToken());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		String client = newClient(http, firm.adminToken(), "Noor Saleh");

		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			List<String> problems = watch(page);
			signInStaff(page, base(), firm);
			page.navigate(base() + "/clients/" + client + "/files");
			Locator form = page.locator("form[data-upload]");
			// The uploader lets a file named .pdf through (the firm accepts PDFs); the
			// server judges the content, a web page, and says why it refuses it.
			form.locator("input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
				.setInputFiles(
						new FilePayload[] {
								new FilePayload("Minutes.pdf", "application/pdf",
										"<!DOCTYPE html><html><body>Minutes</body></html>"
											.getBytes(StandardCharsets.UTF_8)),
								new FilePayload("Contract.pdf", "application/pdf",
										"%PDF-1.4\ncontract".getBytes(StandardCharsets.US_ASCII)) });
			Locator refused = form.locator(".upload-list li.failed");
			assertThat(refused).hasCount(1);
			assertThat(refused).containsText("Minutes.pdf");
			assertThat(refused).containsText("but its content is an HTML page (text/html)");
			assertThat(form.locator(".uppy-Dashboard-Item.is-error")).hasCount(1);
			assertThat(form.locator(".uppy-Dashboard-Item.is-complete")).hasCount(1);
			assertThat(page.locator("tr.document-row .doc-name a[download]")).hasText("Contract.pdf");
			assertThat(page.locator("#document-count")).hasText("1");
			page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("uploader-refused-by-server"))
				.setFullPage(true));
			assertThat(documents(http, firm.adminToken(), client)).containsOnlyKeys("Contract.pdf");
			// The browser and Uppy log the refusal as errors; nothing else went wrong.
			assertThat(problems).allMatch((p) -> p.contains("415") || p.contains("but its content is an HTML page"));
		}
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeAnythingIsSent() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Uploader Limits");
		Http.Response changed = http.patchJson("/api/v1/settings", "{\"maxFileSize\":1048576}", firm.adminToken());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		String client = newClient(http, firm.adminToken(), "Lars Berg");

		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			List<String> problems = watch(page);
			List<String> tusRequests = new CopyOnWriteArrayList<>();
			page.onRequest((request) -> {
				if (request.url().matches("^https?://[^/]+/uploads.*")) {
					tusRequests.add(request.method() + " " + request.url());
				}
			});
			signInStaff(page, base(), firm);
			page.navigate(base() + "/clients/" + client + "/files");
			Locator form = page.locator("form[data-upload]");
			assertThat(form.locator(".uppy-Dashboard-note")).containsText("1 MB");

			form.locator("input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
				.setInputFiles(new FilePayload("Scan.tiff", "image/tiff", random(1_048_577, 9)));
			Locator refused = form.locator(".upload-list li.failed");
			assertThat(refused).hasCount(1);
			assertThat(refused).containsText("Scan.tiff is larger than the limit of 1 MB");
			assertThat(form.locator(".uppy-Dashboard-Item")).hasCount(0);
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Browsers.screenshot("uploader-too-large")).setFullPage(true));

			// A file within the limit goes; the refusal of the earlier one is cleared.
			byte[] fine = random(1_048_576, 10);
			form.locator("input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
				.setInputFiles(new FilePayload("Scan small.tiff", "image/tiff", fine));
			assertThat(form.locator(".uppy-Dashboard-Item.is-complete")).hasCount(1);
			assertThat(refused).hasCount(0);
			assertThat(page.locator("tr.document-row")).hasCount(1);
			assertThat(documents(http, firm.adminToken(), client)).containsOnlyKeys("Scan small.tiff");
			assertThat(tusRequests).noneMatch((r) -> r.contains("Scan.tiff"));
			assertThat(problems).isEmpty();
		}
	}

	@Test
	void withoutScriptThePortalAndLinkFormsStillSendPlainUploads() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Uploader Plain");
		Customer customer = customer(http, firm, "Ola Nord");
		JsonNode link = http
			.postJson("/api/v1/clients/" + customer.client() + "/links", "{\"kind\":\"UPLOAD\",\"enabled\":true}",
					firm.adminToken())
			.json();
		byte[] payslip = "%PDF-1.4\npayslip".getBytes(StandardCharsets.US_ASCII);
		byte[] contract = "%PDF-1.4\ncontract".getBytes(StandardCharsets.US_ASCII);

		try (BrowserContext context = this.browser
			.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
			Page page = signInContact(context, base(), http, customer.email());
			page.navigate(base() + "/portal/files");
			Locator form = page.locator("form[data-upload]");
			assertThat(form.locator(".uppy-Dashboard")).hasCount(0);
			form.locator("#upload-input").setInputFiles(new FilePayload("Payslip.pdf", "application/pdf", payslip));
			form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload")).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("We received 1 file.");

			page.navigate(link.get("url").asString());
			page.getByLabel("Security code").fill(link.get("securityCode").asString());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
			Locator linkForm = page.locator("form[data-upload]");
			assertThat(linkForm.locator(".uppy-Dashboard")).hasCount(0);
			linkForm.locator("#upload-input")
				.setInputFiles(new FilePayload("Contract.pdf", "application/pdf", contract));
			linkForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send")).click();
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("received 1 file");
		}
		Map<String, JsonNode> documents = documents(http, firm.adminToken(), customer.client());
		assertThat(documents).containsOnlyKeys("Payslip.pdf", "Contract.pdf");
		assertThat(documents.get("Payslip.pdf").get("source").asString()).isEqualTo("PORTAL");
		assertThat(documents.get("Contract.pdf").get("source").asString()).isEqualTo("LINK");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private BrowserContext phone() {
		return this.browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setIsMobile(true)
			.setHasTouch(true)
			.setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
					+ "Chrome/130.0 Mobile Safari/537.36"));
	}

	/**
	 * Console errors and failed scripts, Content-Security-Policy violations among them.
	 */
	private static List<String> watch(Page page) {
		List<String> problems = new CopyOnWriteArrayList<>();
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
				problems.add(message.text());
			}
		});
		page.onPageError((error) -> problems.add("page error: " + error));
		return problems;
	}

	/** A client with a contact who has portal access; customer uploads are on. */
	private static Customer customer(Http http, Firms.TestFirm firm, String name) {
		String token = firm.adminToken();
		Http.Response settings = http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", token);
		assertThat(settings.status()).as(settings.body()).isEqualTo(200);
		String client = newClient(http, token, name);
		String email = name.toLowerCase().replace(' ', '.') + "-" + System.nanoTime() + "@customer.test";
		Http.Response contact = http.postJson("/api/v1/clients/" + client + "/contacts",
				Http.json(Map.of("name", name, "email", email)), token);
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		Http.Response access = http
			.postJson("/api/v1/contacts/" + contact.json().get("id").asString() + "/portal-access", "{}", token);
		assertThat(access.status()).as(access.body()).isEqualTo(200);
		String uploads = null;
		for (JsonNode folder : http.get("/api/v1/clients/" + client + "/folders", token).json().get("items")) {
			if ("Client Uploads".equals(folder.get("name").asString())) {
				uploads = folder.get("id").asString();
			}
		}
		assertThat(uploads).as("the client's upload folder").isNotNull();
		return new Customer(client, email, uploads);
	}

	private static Map<String, JsonNode> documents(Http http, String token, String client) {
		Http.Response response = http.get("/api/v1/clients/" + client + "/documents", token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, JsonNode> byName = new HashMap<>();
		response.json().get("items").forEach((d) -> byName.put(d.get("name").asString(), d));
		return byName;
	}

	private static byte[] random(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private record Customer(String client, String email, String uploadsFolder) {
	}

}
