package app.dossier.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Flushes a file being written to the disk in the background, every {@value #EVERY}
 * bytes, so the flush that makes it durable at the end has little left to do. Without it
 * the kernel writes nothing back for up to 30 s, and the last flush of a 1 GiB file
 * waited for the whole gigabyte (0.6–2 s here). Not thread-safe: one writer calls
 * {@link #wrote}.
 */
final class BackgroundFlush implements AutoCloseable {

	static final long EVERY = 64L * 1024 * 1024;

	private final Path file;

	private long unflushed;

	private volatile CompletableFuture<@Nullable Void> running = CompletableFuture.completedFuture(null);

	private @Nullable FileChannel channel;

	BackgroundFlush(Path file) {
		this.file = file;
	}

	/**
	 * Counts bytes written; starts a flush when enough are waiting and none is running.
	 */
	void wrote(long bytes) {
		this.unflushed += bytes;
		if (this.unflushed >= EVERY && this.running.isDone()) {
			this.unflushed = 0;
			this.running = CompletableFuture.runAsync(this::flushQuietly, Thread.ofVirtual().name("flush")::start);
		}
	}

	/** Waits for a flush still running; the caller's own flush reports failures. */
	@Override
	public void close() {
		this.running.join();
		if (this.channel != null) {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// Only opened to flush; nothing was written through it.
			}
		}
	}

	private void flushQuietly() {
		try {
			if (this.channel == null) {
				this.channel = FileChannel.open(this.file, StandardOpenOption.READ);
			}
			this.channel.force(false);
		}
		catch (IOException ex) {
			// The flush before the file is kept tries again and reports.
		}
	}

}
