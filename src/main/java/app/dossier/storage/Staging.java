package app.dossier.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.shared.TooLargeException;
import app.dossier.shared.UnavailableException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where uploads land while they arrive: {@code .incoming} under the storage root, on the
 * same file system as the disk store, so filing onto the disk is an atomic rename and
 * filing elsewhere reads a complete, checked local file.
 */
@Component
class Staging {

	private static final Logger log = LoggerFactory.getLogger(Staging.class);

	static final String INCOMING = ".incoming";

	private static final int HEAD = 8 * 1024;

	private static final Duration STALE = Duration.ofHours(6);

	private final Path incoming;

	Staging(StorageSettings settings) {
		this.incoming = settings.root().toAbsolutePath().normalize().resolve(INCOMING);
		try {
			Files.createDirectories(this.incoming);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the storage folder " + this.incoming, ex);
		}
	}

	/**
	 * Streams the content to a temporary file, computing its size and SHA-256.
	 * @throws TooLargeException as soon as more than {@code maxBytes} arrive; nothing is
	 * kept
	 * @throws UnavailableException when the disk cannot be written; nothing is kept
	 * @throws IOException when reading the content fails (the sender went away); nothing
	 * is kept
	 */
	StagedFile stage(InputStream content, long maxBytes) throws IOException {
		Path temp = this.incoming.resolve(UUID.randomUUID() + ".part");
		byte @Nullable [] head = null;
		long size = 0;
		MessageDigest sha256 = Checksums.sha256();
		boolean kept = false;
		try (OutputStream out = openForWrite(temp); BlockWriter writer = new BlockWriter(out, temp, sha256)) {
			byte[] block = freeBlock(writer);
			int filled;
			while ((filled = content.readNBytes(block, 0, BlockWriter.BLOCK)) > 0) {
				size += filled;
				if (size > maxBytes) {
					throw new TooLargeException("The file is larger than the limit of " + DataSizes.format(maxBytes)
							+ ". Nothing was stored.");
				}
				if (head == null) {
					head = Arrays.copyOf(block, Math.min(filled, HEAD));
				}
				writer.submit(block, filled);
				block = freeBlock(writer);
			}
			finish(writer);
			kept = true;
		}
		catch (IOException ex) {
			if (ex instanceof StorageWriteException write) {
				throw new UnavailableException("The file could not be stored; nothing was kept. Please try again.",
						write.getCause());
			}
			throw ex;
		}
		finally {
			if (!kept) {
				deleteQuietly(temp);
			}
		}
		return new StagedFile(temp.getFileName().toString(), size, Checksums.hex(sha256),
				(head != null) ? head : new byte[0]);
	}

	/**
	 * Takes over a whole file that arrived by other means (a finished resumable upload):
	 * reads it once for its size, SHA-256 and head, then moves it into the staging area,
	 * so its bytes are not written a second time. A file on another file system is
	 * copied.
	 * @param sha256 its SHA-256 when the bytes were hashed as they were written (null:
	 * read it again to hash it)
	 * @throws TooLargeException when it is larger than {@code maxBytes}; the file stays
	 * where it was
	 */
	StagedFile adopt(Path arrived, long maxBytes, @Nullable String sha256) throws IOException {
		long size = Files.size(arrived);
		if (size > maxBytes) {
			throw new TooLargeException(
					"The file is larger than the limit of " + DataSizes.format(maxBytes) + ". Nothing was stored.");
		}
		String checksum;
		byte[] head;
		try (InputStream in = Files.newInputStream(arrived)) {
			head = in.readNBytes(HEAD);
			if (sha256 != null) {
				checksum = sha256;
			}
			else {
				MessageDigest digest = Checksums.sha256();
				digest.update(head);
				byte[] block = new byte[BlockWriter.BLOCK];
				for (int filled; (filled = in.readNBytes(block, 0, block.length)) > 0;) {
					digest.update(block, 0, filled);
				}
				checksum = Checksums.hex(digest);
			}
		}
		Path temp = newTemporaryFile();
		try {
			Files.move(arrived, temp, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			try (InputStream in = Files.newInputStream(arrived)) {
				return stage(in, maxBytes);
			}
		}
		return new StagedFile(temp.getFileName().toString(), size, checksum, head);
	}

	/** Opens the temporary file; a seam for tests that simulate a failing disk. */
	protected OutputStream openForWrite(Path temp) throws IOException {
		return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
	}

	/** A new temporary file's path, for a backend that writes its own. */
	Path newTemporaryFile() {
		return this.incoming.resolve(UUID.randomUUID() + ".part");
	}

	/** The staged file on disk, flushed so a crash after filing it cannot lose it. */
	Path file(StagedFile staged) {
		Path temp = this.incoming.resolve(staged.handle()).normalize();
		if (!temp.getParent().equals(this.incoming)) {
			throw new IllegalArgumentException("Not a staged file");
		}
		return temp;
	}

	void discard(StagedFile staged) {
		deleteQuietly(file(staged));
	}

	/** Temporary files left by a crash or a killed request. */
	@Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
	void removeStale() {
		Instant cutoff = Instant.now().minus(STALE);
		try (Stream<Path> files = Files.list(this.incoming)) {
			files.filter((file) -> modifiedBefore(file, cutoff)).forEach(Staging::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Could not clean {}: {}", this.incoming, ex.toString());
		}
	}

	// The writer's failures are the storage side's, as opposed to the sender's.

	private static byte[] freeBlock(BlockWriter writer) throws StorageWriteException {
		try {
			return writer.freeBlock();
		}
		catch (IOException ex) {
			throw new StorageWriteException(ex);
		}
	}

	private static void finish(BlockWriter writer) throws StorageWriteException {
		try {
			writer.finish();
		}
		catch (IOException ex) {
			throw new StorageWriteException(ex);
		}
	}

	private static boolean modifiedBefore(Path file, Instant cutoff) {
		try {
			return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void force(Path path) {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot sync a directory; a rename is still atomic.
			log.debug("Could not sync {}: {}", path, ex.toString());
		}
	}

	static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", file, ex.toString());
		}
	}

	/** An error on the storage side of a copy, as opposed to the sender's side. */
	private static final class StorageWriteException extends IOException {

		StorageWriteException(IOException cause) {
			super(cause);
		}

	}

}
