package app.dossier.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.TestMail;
import app.dossier.support.TestSms;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Secure links end to end in real browsers: staff make an upload link, enable it and send
 * it (link by email, code by text or by phone); the recipient opens it on a phone, gets
 * past the code and sends three files; staff see them and are told once. Then a download
 * link: the recipient downloads one document and all of them as a zip, and staff see each
 * marked as downloaded.
 */
@DossierIntegrationTest
class SecureLinksBrowserIT extends BrowserTest {

	private static final String MESSAGE = "Please send your 2025 bank statements and payslips.";

	@LocalServerPort
	int port;

	@Test
	void staffSendAnUploadLinkAndTheRecipientSendsThreeFilesBehindTheCode() throws Exception {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Links Firm");
		String token = firm.adminToken();
		String client = newClient(http, token, "Mira Holt");
		String miraEmail = "mira-" + System.nanoTime() + "@customer.test";
		String ottoEmail = "otto-" + System.nanoTime() + "@customer.test";
		String phone = "+44 7700 9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
		addContact(http, token, client, Map.of("name", "Mira", "email", miraEmail, "phone", phone, "smsOptIn", true));
		addContact(http, token, client, Map.of("name", "Otto", "email", ottoEmail));

		try (BrowserContext staffContext = this.browser.newContext();
				BrowserContext recipientContext = this.browser.newContext(phone())) {
			Page staff = signIn(staffContext, base, firm);

			// Staff make an upload link on the client's Secure links tab; it starts off.
			staff.navigate(base + "/clients/" + client + "/links");
			assertThat(staff.locator("main")).containsText("No secure links yet");
			staff.getByLabel("Message to the recipient").fill(MESSAGE);
			staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make link")).click();
			assertThat(staff).hasURL(Pattern.compile(".*/links/[0-9a-f-]{36}$"));
			assertThat(staff.getByRole(AriaRole.STATUS).first()).containsText("stays off until you enable it");
			assertThat(staff.locator("#link-status")).hasText("Off");
			assertThat(staff.locator("#link-status")).hasClass(Pattern.compile("badge-danger"));
			assertThat(staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)))
				.isDisabled();

			staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable link")).click();
			assertThat(staff.locator("#link-status")).hasText("Works now");
			assertThat(staff.locator("#link-status")).hasClass(Pattern.compile("badge-ok"));
			String url = staff.locator("#link-url").inputValue();
			String code = staff.locator("#link-code").inputValue();
			assertThat(url).startsWith(base + "/l/");
			assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}");

			// They send it to both contacts: Mira gets the code by text, Otto hears it
			// by phone.
			staff.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(miraEmail)).check();
			staff.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(ottoEmail)).check();
			staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
			Locator sent = staff.locator("#sent");
			assertThat(sent).containsText("Security code texted to Mira (" + phone + ")");
			assertThat(sent).containsText("Otto did not opt in to text messages");
			assertThat(sent.locator(".code-box")).hasText(code);
			staff.screenshot(new Page.ScreenshotOptions().setPath(tmp("link-sent-staff")).setFullPage(true));

			await().atMost(Duration.ofSeconds(10))
				.until(() -> TestSms.to(phone).stream().anyMatch((text) -> text.body().contains(code)));
			MimeMessage toMira = TestMail.awaitMessageTo(miraEmail);
			MimeMessage toOtto = TestMail.awaitMessageTo(ottoEmail);
			String emailedLink = TestMail.linkIn(toMira, "/l/");
			assertThat(emailedLink).isEqualTo(url);
			assertThat(TestMail.linkIn(toOtto, "/l/")).isEqualTo(url);
			assertThat(TestMail.body(toMira)).doesNotContain(code).doesNotContain(code.replace("-", ""));

			// Mira opens the emailed link on her phone and gets past the code.
			Page recipient = recipientContext.newPage();
			recipient.navigate(emailedLink);
			assertThat(recipient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.containsText("Send documents to Links Firm");
			assertThat(recipient.locator(".message")).hasText(MESSAGE);
			recipient.getByLabel("Security code").fill(wrongCode(code));
			recipient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
			assertThat(recipient.getByRole(AriaRole.ALERT)).containsText("not right");
			recipient.screenshot(new Page.ScreenshotOptions().setPath(tmp("link-code-wrong-phone")).setFullPage(true));
			recipient.getByLabel("Security code").fill(code.toLowerCase());
			recipient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
			assertThat(recipient).hasURL(emailedLink);
			assertThat(recipient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.containsText("Send documents to Links Firm");
			// With script the uploader stands in for the plain file field.
			assertThat(recipient.locator("form[data-upload] .uppy-Dashboard")).isVisible();
			assertThat(recipient.locator("#upload-input")).isHidden();
			recipient.screenshot(new Page.ScreenshotOptions().setPath(tmp("link-upload-phone")).setFullPage(true));

			// She sends three files; the uploader ends on the confirmation page.
			List<String> names = List.of("Bank statement March.pdf", "Bank statement April.pdf", "Payslip May.pdf");
			recipient.locator("form[data-upload] input.uppy-Dashboard-input[name='files[]']:not([webkitdirectory])")
				.setInputFiles(names.stream()
					.map((name) -> new FilePayload(name, "application/pdf", pdf(name)))
					.toArray(FilePayload[]::new));
			assertThat(recipient).hasURL(emailedLink + "/received");
			assertThat(recipient.getByRole(AriaRole.STATUS)).containsText("received 3 files");
			assertThat(recipient.locator(".doc-row strong")).hasText(names.toArray(String[]::new));
			recipient.screenshot(new Page.ScreenshotOptions().setPath(tmp("link-received-phone")).setFullPage(true));

			// Staff find the three documents, brought in by the link.
			JsonNode documents = http.get("/api/v1/clients/" + client + "/documents", token).json().get("items");
			Map<String, String> sources = new HashMap<>();
			documents.forEach((d) -> sources.put(d.get("name").asString(), d.get("source").asString()));
			assertThat(sources).containsOnlyKeys(names)
				.allSatisfy((name, source) -> assertThat(source).isEqualTo("LINK"));
			staff.navigate(base + "/clients/" + client + "/files");
			assertThat(staff.locator("tr.document-row")).hasCount(3);
			assertThat(staff.locator("tr.document-row .badge-new")).hasCount(3);
			assertThat(staff.locator("main")).containsText(names.get(0));

			// The administrator is told once, about all three.
			await().atMost(Duration.ofSeconds(15)).until(() -> !uploadMails(firm.adminEmail()).isEmpty());
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> uploadMails(firm.adminEmail()).size() == 1);
			MimeMessage notice = uploadMails(firm.adminEmail()).get(0);
			assertThat(notice.getSubject()).isEqualTo("Mira Holt uploaded 3 documents");
			assertThat(TestMail.body(notice)).contains(names.get(0)).contains(names.get(1)).contains(names.get(2));
		}
	}

	@Test
	void theRecipientDownloadsFromADownloadLinkAndStaffSeeEachDocumentMarkedDownloaded() throws Exception {
		String base = "http://localhost:" + this.port;
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Download Firm");
		String token = firm.adminToken();
		String client = newClient(http, token, "Noah Field");
		byte[] letter = pdf("engagement letter");
		byte[] summary = pdf("tax summary");
		upload(http, token, client, "Engagement letter.pdf", letter, Map.of());
		upload(http, token, client, "Tax summary.pdf", summary, Map.of());
		upload(http, token, client, "Internal notes.txt", "internal".getBytes(StandardCharsets.UTF_8),
				Map.of("visibleToClient", "false"));
		Http.Response created = http.postJson("/api/v1/clients/" + client + "/links",
				"{\"kind\":\"DOWNLOAD\",\"enabled\":true}", token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String linkId = created.json().get("id").asString();
		JsonNode link = http.get("/api/v1/links/" + linkId, token).json();
		String url = link.get("url").asString();
		String code = link.get("securityCode").asString();

		try (BrowserContext recipientContext = this.browser.newContext(phone().setAcceptDownloads(true));
				BrowserContext staffContext = this.browser.newContext()) {
			Page recipient = recipientContext.newPage();
			recipient.navigate(url);
			assertThat(recipient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.containsText("Documents from Download Firm");
			recipient.getByLabel("Security code").fill(code);
			recipient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
			assertThat(recipient.locator(".doc-row .doc-name strong"))
				.hasText(new String[] { "Engagement letter.pdf", "Tax summary.pdf" });
			assertThat(recipient.locator("main")).not().containsText("Internal notes");
			recipient.screenshot(new Page.ScreenshotOptions().setPath(tmp("link-download-phone")).setFullPage(true));

			Download one = recipient.waitForDownload(() -> recipient
				.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download Tax summary.pdf"))
				.click());
			assertThat(one.suggestedFilename()).isEqualTo("Tax summary.pdf");
			assertThat(Files.readAllBytes(one.path())).isEqualTo(summary);

			Download all = recipient.waitForDownload(
					() -> recipient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download all"))
						.click());
			assertThat(all.suggestedFilename()).endsWith(".zip");
			Map<String, byte[]> zipped = unzip(Files.readAllBytes(all.path()));
			assertThat(zipped).containsOnlyKeys("Engagement letter.pdf", "Tax summary.pdf");
			assertThat(zipped.get("Engagement letter.pdf")).isEqualTo(letter);
			assertThat(zipped.get("Tax summary.pdf")).isEqualTo(summary);

			// Staff open the link's page and see both documents marked as downloaded.
			Page staff = signIn(staffContext, base, firm);
			staff.navigate(base + "/links/" + linkId);
			assertThat(staff.locator("#link-status")).hasText("Works now");
			Locator offered = staff.locator(".doc-row");
			assertThat(offered).hasCount(2);
			for (String name : List.of("Engagement letter.pdf", "Tax summary.pdf")) {
				assertThat(offered.filter(new Locator.FilterOptions().setHasText(name)).locator(".receipt"))
					.containsText("Downloaded");
			}
			assertThat(staff.locator("main")).not().containsText("Not downloaded yet");
			staff.screenshot(new Page.ScreenshotOptions().setPath(tmp("link-downloaded-staff")).setFullPage(true));
		}
	}

	private static Page signIn(BrowserContext context, String base, Firms.TestFirm firm) {
		Page page = context.newPage();
		signInStaff(page, base, firm);
		return page;
	}

	private static Browser.NewContextOptions phone() {
		return new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
	}

	private static void addContact(Http http, String token, String client, Map<String, ?> contact) {
		Http.Response added = http.postJson("/api/v1/clients/" + client + "/contacts", Http.json(contact), token);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
	}

	private static void upload(Http http, String token, String client, String name, byte[] content,
			Map<String, String> fields) {
		Http.Response response = http.postMultipart("/api/v1/clients/" + client + "/documents", token,
				List.of(FilePart.file(name, content)), fields);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private static List<MimeMessage> uploadMails(String email) {
		return TestMail.to(email).stream().filter((mail) -> subject(mail).contains("uploaded")).toList();
	}

	private static String subject(MimeMessage mail) {
		try {
			return String.valueOf(mail.getSubject());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String wrongCode(String code) {
		return code.startsWith("2222") ? "3333-3333" : "2222-2222";
	}

	private static byte[] pdf(String text) {
		return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	/** Screenshots of the recipient's pages go outside the project. */
	private static Path tmp(String name) {
		return Path.of(System.getProperty("java.io.tmpdir"), "dossier-screenshots", name + ".png");
	}

}
