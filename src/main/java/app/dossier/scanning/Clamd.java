package app.dossier.scanning;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import xyz.capybara.clamav.ClamavClient;
import xyz.capybara.clamav.commands.scan.result.ScanResult;

/**
 * Streams bytes to clamd (INSTREAM, through the clamav-client library) and answers its
 * verdict. The client has no timeout of its own; it talks over a {@code SocketChannel},
 * which an interrupt closes, so a scan that takes too long is cancelled that way.
 */
class Clamd {

	private final ClamavClient client;

	private final ScanSettings.Clamd settings;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	Clamd(ScanSettings.Clamd settings) {
		this.settings = settings;
		this.client = new ClamavClient(settings.host(), settings.port());
	}

	/**
	 * @return null when the bytes are clean, else what was found
	 * @throws Unreachable when clamd could not give a verdict
	 */
	@Nullable String scan(InputStream content) throws Unreachable {
		Future<ScanResult> result = this.threads.submit(() -> this.client.scan(content));
		try {
			ScanResult verdict = result.get(this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
			if (verdict instanceof ScanResult.VirusFound found) {
				return describe(found.getFoundViruses());
			}
			return null;
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			throw new Unreachable("clamd did not answer within " + this.settings.timeout(), ex);
		}
		catch (ExecutionException ex) {
			throw new Unreachable("clamd at " + this.settings.host() + ":" + this.settings.port() + " failed: "
					+ ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.cancel(true);
			throw new Unreachable("Interrupted while scanning", ex);
		}
	}

	private static String describe(Map<String, ? extends java.util.Collection<String>> found) {
		String names = found.values()
			.stream()
			.flatMap(java.util.Collection::stream)
			.distinct()
			.collect(Collectors.joining(", "));
		return names.isEmpty() ? "malware" : names;
	}

	void close() {
		this.threads.shutdownNow();
	}

	/** clamd could not be reached or gave no verdict; the document stays pending. */
	static class Unreachable extends IOException {

		Unreachable(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
