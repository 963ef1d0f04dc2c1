package app.dossier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring context its own empty database and data directory. On the embedded
 * default that is a fresh H2 file database under a new data directory; when
 * {@code SPRING_DATASOURCE_URL} points at PostgreSQL (as in CI), a new schema that is
 * dropped again when the context closes. With {@code dossier.storage.type=s3} (for
 * example {@code DOSSIER_STORAGE_TYPE=s3}), documents go to a bucket of its own on an S3
 * server in the test JVM.
 */
public class IsolatedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> properties = new HashMap<>();
		Path dataDir = newDataDir();
		properties.put("dossier.data-dir", dataDir.toString());
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(TestMail.port()));
		// Spring keeps every test context open for reuse; small pools keep them all
		// within
		// PostgreSQL's connection limit.
		properties.put("spring.datasource.tomcat.max-active", "4");
		properties.put("spring.datasource.tomcat.max-idle", "4");
		properties.put("spring.datasource.tomcat.initial-size", "1");
		properties.put("spring.datasource.tomcat.min-idle", "1");
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.startsWith("jdbc:postgresql:")) {
			String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
			String user = environment.getProperty("spring.datasource.username", "postgres");
			String password = environment.getProperty("spring.datasource.password", "");
			execute(url, user, password, "create schema " + schema);
			properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			properties.put("spring.flyway.schemas", schema);
			context.addApplicationListener((ContextClosedEvent event) -> execute(url, user, password,
					"drop schema if exists " + schema + " cascade"));
		}
		if ("s3".equals(environment.getProperty("dossier.storage.type"))
				&& environment.getProperty("dossier.storage.s3.endpoint") == null) {
			// The whole suite against S3 (CI's PostgreSQL run): one in-process server, a
			// bucket per context.
			S3Server s3 = S3Server.shared();
			properties.putAll(s3.properties(s3.createBucket()));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("isolatedDatabase", properties));
	}

	public static boolean onPostgres() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
	}

	private static Path newDataDir() {
		try {
			return Files.createTempDirectory("dossier-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run: " + sql, ex);
		}
	}

}
