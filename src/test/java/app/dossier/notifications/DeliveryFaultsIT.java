package app.dossier.notifications;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import app.dossier.DossierApplication;
import app.dossier.support.Customers;
import app.dossier.support.Customers.Customer;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.PortalSession;
import app.dossier.support.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Notifications survive a mail server that is down and an application that restarts. */
@DossierIntegrationTest
class DeliveryFaultsIT {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Test
	void anUploadWhileTheMailServerIsDownIsMailedOnceItIsBack() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Outage");
		Customer customer = customerWhoUploads(http, firm, "Outage Client");
		String session = PortalSession.signIn(http, customer.email());
		TestMail.stop();
		try {
			Http.Response sent = upload(http, session, firm, customer, "during-outage.pdf");
			assertThat(sent.status()).isEqualTo(200);
			Thread.sleep(3000);
		}
		finally {
			TestMail.restart();
		}
		await().until(() -> uploadMails(firm.adminEmail()).size() == 1);
		Thread.sleep(1500);
		assertThat(uploadMails(firm.adminEmail())).hasSize(1);
		assertThat(TestMail.body(uploadMails(firm.adminEmail()).get(0))).contains("during-outage.pdf");
	}

	@Test
	void anApplicationRestartedBetweenUploadAndSendStillMailsExactlyOnce() throws Exception {
		Map<String, Object> shared = new HashMap<>();
		shared.put("dossier.data-dir", Files.createTempDirectory("dossier-restart-").toString());
		shared.put("dossier.signup.enabled", "true");
		shared.put("server.port", "0");
		shared.put("spring.mail.host", "127.0.0.1");
		shared.put("spring.mail.port", String.valueOf(TestMail.port()));
		shared.put("dossier.notifications.poll-interval", "300ms");
		shared.put("dossier.notifications.max-retry-delay", "2s");
		// Documents where this context keeps them (the disk, or a bucket on the test S3
		// server).
		for (String name : java.util.List.of("dossier.storage.type", "dossier.storage.s3.bucket",
				"dossier.storage.s3.endpoint", "dossier.storage.s3.region", "dossier.storage.s3.path-style-access",
				"dossier.storage.s3.access-key", "dossier.storage.s3.secret-key", "dossier.storage.s3.create-bucket")) {
			String value = this.environment.getProperty(name);
			if (value != null) {
				shared.put(name, value);
			}
		}
		String url = this.environment.getProperty("spring.datasource.url", "");
		String schema = null;
		JdbcTemplate postgres = null;
		if (url.contains("postgresql")) {
			String base = url.substring(0, url.indexOf("currentSchema=") - 1);
			schema = "t_restart_" + UUID.randomUUID().toString().substring(0, 8);
			postgres = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(base,
					this.environment.getProperty("spring.datasource.username", "postgres"),
					this.environment.getProperty("spring.datasource.password", "")));
			postgres.execute("create schema " + schema);
			shared.put("spring.datasource.url", base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			shared.put("spring.flyway.schemas", schema);
		}
		try {
			String adminEmail;
			// First run: the upload is recorded, but nothing is sent before the
			// application stops.
			try (ConfigurableApplicationContext first = start(shared, "1h")) {
				Http http = new Http(port(first));
				Firms.TestFirm firm = Firms.create(http, "Restart");
				adminEmail = firm.adminEmail();
				Customer customer = customerWhoUploads(http, firm, "Restart Client");
				String session = PortalSession.signIn(http, customer.email());
				assertThat(upload(http, session, firm, customer, "before-restart.pdf").status()).isEqualTo(200);
				Thread.sleep(1000);
				assertThat(uploadMails(adminEmail)).isEmpty();
			}
			// Second run on the same database and files: the message goes out, once.
			try (ConfigurableApplicationContext second = start(shared, "1s")) {
				await().until(() -> uploadMails(adminEmail).size() == 1);
				Thread.sleep(2000);
				assertThat(uploadMails(adminEmail)).hasSize(1);
				assertThat(TestMail.body(uploadMails(adminEmail).get(0))).contains("before-restart.pdf");
			}
		}
		finally {
			if (postgres != null) {
				postgres.execute("drop schema if exists " + schema + " cascade");
			}
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> shared, String quietPeriod) {
		Map<String, Object> properties = new HashMap<>(shared);
		properties.put("dossier.notifications.quiet-period", quietPeriod);
		// As command-line arguments, which outrank application.yml (default properties
		// would not).
		return new SpringApplicationBuilder(DossierApplication.class).run(properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static Customer customerWhoUploads(Http http, Firms.TestFirm firm, String name) {
		http.patchJson("/api/v1/settings", "{\"customerUploadsEnabled\":true}", firm.adminToken());
		return Customers.withPortalAccess(http, firm, name);
	}

	private static Http.Response upload(Http http, String session, Firms.TestFirm firm, Customer customer,
			String name) {
		String uploads = http.get("/api/v1/clients/" + customer.clientId() + "/folders", firm.adminToken())
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		return http.postMultipartForm("/portal/upload?folder=" + uploads, session,
				List.of(FilePart.file(name, name.getBytes(StandardCharsets.UTF_8))), Map.of());
	}

	private static List<MimeMessage> uploadMails(String email) {
		return TestMail.to(email).stream().filter((m) -> {
			try {
				return String.valueOf(m.getSubject()).contains("uploaded");
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

}
