package app.dossier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real clamd (Debian's clamav-daemon, installed by {@code .ci/run}) for the whole test
 * run, on a port of its own, with the signature database this project ships: it knows
 * only the EICAR test string. Tests can stop it and start it again on the same port.
 */
public final class ClamdServer {

	private static final Path CLAMD = Path.of("/usr/sbin/clamd");

	private static final Path HOME = createHome();

	private static final int PORT = freePort();

	private static Process process;

	private ClamdServer() {
	}

	public static synchronized int port() {
		if (process == null || !process.isAlive()) {
			start();
		}
		return PORT;
	}

	public static synchronized void start() {
		if (!Files.isExecutable(CLAMD)) {
			throw new IllegalStateException("clamd is not installed: apt-get install clamav-daemon (.ci/run does)");
		}
		try {
			process = new ProcessBuilder(CLAMD.toString(), "-c", HOME.resolve("clamd.conf").toString())
				.redirectErrorStream(true)
				.redirectOutput(HOME.resolve("clamd.out").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(ClamdServer::stop));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(ClamdServer::listening);
	}

	/** Stops clamd; connections are refused until {@link #start()}. */
	public static synchronized void stop() {
		if (process != null) {
			process.destroy();
			try {
				process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			process = null;
		}
	}

	private static boolean listening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path createHome() {
		try {
			Path home = Files.createTempDirectory("dossier-clamd-");
			Path db = Files.createDirectories(home.resolve("db"));
			try (var signatures = ClamdServer.class.getResourceAsStream("/clamav/dossier-test.ndb")) {
				Files.copy(signatures, db.resolve("dossier-test.ndb"));
			}
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			int port = socket.getLocalPort();
			Files.writeString(HOME.resolve("clamd.conf"), String.join("\n", "TCPSocket " + port, "TCPAddr 127.0.0.1",
					"DatabaseDirectory " + HOME.resolve("db"), "Foreground yes", "LogFile " + HOME.resolve("clamd.log"),
					"StreamMaxLength 200M", "MaxFileSize 200M", "MaxScanSize 400M", "SelfCheck 3600", ""));
			return port;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
