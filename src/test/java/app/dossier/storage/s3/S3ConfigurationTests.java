package app.dossier.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import app.dossier.storage.StorageBackend;
import app.dossier.storage.StoredFile;
import app.dossier.support.S3Server;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 storage as Spring builds it from {@code dossier.storage.s3.*}, and the start-up
 * check that stops Dossier with a clear message when the bucket cannot be used.
 */
class S3ConfigurationTests {

	private static S3Server server;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(S3Configuration.class);

	@BeforeAll
	static void startServer() {
		server = S3Server.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void withoutTheS3TypeThereIsNoS3Storage() {
		this.runner.withPropertyValues("dossier.storage.type=disk", "dossier.storage.s3.bucket=documents")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(S3Storage.class).doesNotHaveBean(S3Client.class);
			});
	}

	@Test
	void theStorageWorksWithTheBucketCreatedWhenAsked() {
		Map<String, String> properties = server.properties("created-at-start");
		this.runner.withPropertyValues(values(properties)).run((context) -> {
			assertThat(context).hasNotFailed();
			StorageBackend storage = context.getBean(StorageBackend.class);
			byte[] bytes = { 1, 2, 3 };

			StoredFile stored = storage.put(List.of("acme"), "a.pdf",
					new StorageBackend.Content(3, "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81",
							() -> new ByteArrayInputStream(bytes)));

			assertThat(stored.key()).isEqualTo("acme/a.pdf");
			assertThat(storage.get(stored.key(), 0, -1)).hasBinaryContent(bytes);
		});
	}

	@Test
	void aMissingBucketStopsStartUp() {
		this.runner.withPropertyValues(values(server.properties("missing")))
			.withPropertyValues("dossier.storage.s3.create-bucket=false")
			.run((context) -> assertThat(failure(context))
				.contains("The S3 bucket 'missing' at " + server.endpoint() + " does not exist"));
	}

	@Test
	void refusedCredentialsStopStartUp() {
		String bucket = server.createBucket();
		this.runner.withPropertyValues(values(server.properties(bucket)))
			.withPropertyValues("dossier.storage.s3.secret-key=wrong")
			.run((context) -> assertThat(failure(context)).contains("S3 refused access to the bucket '" + bucket + "'")
				.contains("dossier.storage.s3.access-key")
				.doesNotContain("wrong"));
	}

	@Test
	void anUnreachableServerStopsStartUp() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.runner.withPropertyValues(values(server.properties("documents")))
			.withPropertyValues("dossier.storage.s3.endpoint=http://127.0.0.1:" + closedPort,
					"dossier.storage.s3.timeout=2s")
			.run((context) -> assertThat(failure(context)).contains("cannot be reached")
				.contains("dossier.storage.s3.endpoint"));
	}

	@Test
	void aBucketIsRequired() {
		this.runner.withPropertyValues("dossier.storage.type=s3")
			.run((context) -> assertThat(failure(context)).contains("needs dossier.storage.s3.bucket"));
	}

	@Test
	void anAccessKeyNeedsItsSecretKey() {
		this.runner
			.withPropertyValues("dossier.storage.type=s3", "dossier.storage.s3.bucket=documents",
					"dossier.storage.s3.access-key=AKIA")
			.run((context) -> assertThat(failure(context)).contains("Set both"));
	}

	@Test
	void settingsHaveDefaultsAndKeepTheSecretKeyOutOfTheirText() {
		new ApplicationContextRunner().withUserConfiguration(SettingsOnly.class)
			.withPropertyValues("dossier.storage.s3.bucket=documents", "dossier.storage.s3.access-key=AKIA",
					"dossier.storage.s3.secret-key=very-secret")
			.run((context) -> {
				S3Settings settings = context.getBean(S3Settings.class);
				assertThat(settings.region()).isEqualTo("us-east-1");
				assertThat(settings.multipartThreshold()).isEqualTo(DataSize.ofMegabytes(16));
				assertThat(settings.partSize()).isEqualTo(DataSize.ofMegabytes(16));
				assertThat(settings.maxAttempts()).isEqualTo(3);
				assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(60));
				assertThat(settings.pathStyleAccess()).isFalse();
				assertThat(settings.createBucket()).isFalse();
				assertThat(settings.toString()).contains("AKIA").doesNotContain("very-secret");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(S3Settings.class)
	static class SettingsOnly {

	}

	private static String failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	private static String[] values(Map<String, String> properties) {
		return properties.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

}
