package app.dossier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.IsolatedDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DossierIntegrationTest
class DatabaseConnectionsIT {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String username;

	@Value("${spring.datasource.password}")
	String password;

	@Test
	void connectionsComeFromTomcatsPoolAndAreCheckedBeforeTheyAreLent() {
		assertThat(this.dataSource).isInstanceOf(org.apache.tomcat.jdbc.pool.DataSource.class);
		assertThat(pool().isTestOnBorrow()).isTrue();
		assertThat(pool().getValidationInterval()).isEqualTo(500);
		assertThat(pool().isFairQueue()).isTrue();
		assertThat(pool().getUseStatementFacade()).isFalse();
		// The tests' own size (IsolatedDatabase).
		assertThat(pool().getMaxActive()).isEqualTo(4);
	}

	@Test
	void connectionsTheDatabaseDroppedAreReplacedBeforeARequestGetsThem() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Connections");
		assertThat(http.get("/api/v1/clients", firm.adminToken()).status()).isEqualTo(200);

		// Every idle connection of the pool ended, and held past the time in which
		// a connection just checked is lent unchecked. A connection of the test's
		// own stays open to the end: an embedded H2 database closes with its last.
		try (Connection admin = DriverManager.getConnection(this.url, this.username, this.password)) {
			List<Connection> held = new ArrayList<>();
			for (int idle = pool().getIdle(); idle > 0; idle--) {
				held.add(this.dataSource.getConnection());
			}
			assertThat(held).isNotEmpty();
			for (Connection connection : held) {
				end(admin, connection);
			}
			Thread.sleep(pool().getValidationInterval() + 100);
			for (Connection connection : held) {
				connection.close();
			}

			List<Connection> lent = new ArrayList<>();
			for (int i = 0; i < held.size(); i++) {
				Connection connection = this.dataSource.getConnection();
				lent.add(connection);
				// It answers: a live connection.
				assertThat(backend(connection)).isPositive();
			}
			for (Connection connection : lent) {
				connection.close();
			}
			for (int i = 0; i < 20; i++) {
				assertThat(http.get("/api/v1/clients", firm.adminToken()).status()).isEqualTo(200);
			}
			Http.Response created = http.postJson("/api/v1/clients", "{\"displayName\":\"After\"}", firm.adminToken());
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
	}

	private org.apache.tomcat.jdbc.pool.DataSource pool() {
		return (org.apache.tomcat.jdbc.pool.DataSource) this.dataSource;
	}

	/**
	 * PostgreSQL ends the connection from its side, as a restart does; the pool's proxy
	 * still takes it for open until it is checked. An embedded H2 connection cannot be
	 * lost that way (its sessions live in this process), so it is closed underneath the
	 * pool; with H2 2.4.240 that alone broke every later insert into a table whose check
	 * constraint was created on such a connection.
	 */
	private static void end(Connection admin, Connection connection) throws Exception {
		if (!IsolatedDatabase.onPostgres()) {
			((javax.sql.PooledConnection) connection).getConnection().close();
			return;
		}
		int backend = backend(connection);
		try (Statement statement = admin.createStatement();
				ResultSet ended = statement.executeQuery("select pg_terminate_backend(" + backend + ")")) {
			assertThat(ended.next() && ended.getBoolean(1)).as("backend %d ended", backend).isTrue();
		}
	}

	/**
	 * The database's own number for the connection: PostgreSQL's backend, H2's session.
	 */
	private static int backend(Connection connection) throws Exception {
		String query = IsolatedDatabase.onPostgres() ? "select pg_backend_pid()" : "select session_id()";
		try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery(query)) {
			pid.next();
			return pid.getInt(1);
		}
	}

}
