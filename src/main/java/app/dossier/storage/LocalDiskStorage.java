package app.dossier.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.TooLargeException;
import app.dossier.shared.UnavailableException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Files on a local disk under {@code dossier.storage.root}. Uploads are written to
 * {@code .incoming} on the same file system and flushed to disk, so the final step is an
 * atomic rename.
 */
@Component
class LocalDiskStorage implements FileStorage {

	private static final Logger log = LoggerFactory.getLogger(LocalDiskStorage.class);

	static final String INCOMING = ".incoming";

	private static final int BUFFER = 64 * 1024;

	private static final int HEAD = 8 * 1024;

	private static final Duration STALE = Duration.ofHours(6);

	private final Path root;

	private final Path incoming;

	LocalDiskStorage(StorageSettings settings) {
		this.root = settings.root().toAbsolutePath().normalize();
		this.incoming = this.root.resolve(INCOMING);
		try {
			Files.createDirectories(this.incoming);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the storage folder " + this.incoming, ex);
		}
	}

	@Override
	public StagedFile stage(InputStream content, long maxBytes) throws IOException {
		Path temp = this.incoming.resolve(UUID.randomUUID() + ".part");
		MessageDigest sha256 = sha256();
		byte[] buffer = new byte[BUFFER];
		byte[] head = new byte[HEAD];
		int headLength = 0;
		long size = 0;
		boolean kept = false;
		try (OutputStream out = openForWrite(temp)) {
			int read;
			while ((read = content.read(buffer)) != -1) {
				size += read;
				if (size > maxBytes) {
					throw new TooLargeException("The file is larger than the limit of " + DataSizes.format(maxBytes)
							+ ". Nothing was stored.");
				}
				sha256.update(buffer, 0, read);
				if (headLength < HEAD) {
					int n = Math.min(read, HEAD - headLength);
					System.arraycopy(buffer, 0, head, headLength, n);
					headLength += n;
				}
				write(out, buffer, read);
			}
			flush(out);
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
		return new StagedFile(temp.getFileName().toString(), size, HexFormat.of().formatHex(sha256.digest()),
				Arrays.copyOf(head, headLength));
	}

	/** Opens the temporary file; a seam for tests that simulate a failing disk. */
	protected OutputStream openForWrite(Path temp) throws IOException {
		return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
	}

	private static void write(OutputStream out, byte[] buffer, int length) throws StorageWriteException {
		try {
			out.write(buffer, 0, length);
		}
		catch (IOException ex) {
			throw new StorageWriteException(ex);
		}
	}

	private static void flush(OutputStream out) throws StorageWriteException {
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new StorageWriteException(ex);
		}
	}

	@Override
	public String commit(StagedFile staged, List<String> folder, String fileName) {
		Path temp = staged(staged);
		Path directory = resolve(String.join("/", folder));
		try {
			force(temp);
			Files.createDirectories(directory);
			Path target = reserve(directory, fileName);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			force(directory);
			return key(target);
		}
		catch (IOException ex) {
			throw new UnavailableException("The file could not be stored; nothing was kept. Please try again.", ex);
		}
	}

	/**
	 * Claims a free name by creating it, which the file system does atomically, so two
	 * uploads of "invoice.pdf" at the same moment cannot both get it.
	 */
	private static Path reserve(Path directory, String fileName) throws IOException {
		for (int n = 1;; n++) {
			Path candidate = directory.resolve(FileNames.numbered(fileName, n));
			try {
				return Files.createFile(candidate);
			}
			catch (FileAlreadyExistsException taken) {
				// try the next number
			}
		}
	}

	@Override
	public void discard(StagedFile staged) {
		deleteQuietly(staged(staged));
	}

	@Override
	public Resource open(String key) {
		Path file = resolve(key);
		if (!Files.isRegularFile(file)) {
			throw new NotFoundException("The file is missing from storage.");
		}
		return new FileSystemResource(file);
	}

	@Override
	public String rename(String key, String fileName) {
		Path file = resolve(key);
		try {
			Path target = reserve(file.getParent(), fileName);
			Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return key(target);
		}
		catch (IOException ex) {
			throw new UnavailableException("The file could not be renamed in storage. Please try again.", ex);
		}
	}

	@Override
	public void delete(String key) {
		deleteQuietly(resolve(key));
	}

	/** Temporary files left by a crash or a killed request. */
	@Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
	void removeStaleIncoming() {
		Instant cutoff = Instant.now().minus(STALE);
		try (Stream<Path> files = Files.list(this.incoming)) {
			files.filter((file) -> modifiedBefore(file, cutoff)).forEach(LocalDiskStorage::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Could not clean {}: {}", this.incoming, ex.toString());
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

	private Path staged(StagedFile staged) {
		Path temp = this.incoming.resolve(staged.handle()).normalize();
		if (!temp.getParent().equals(this.incoming)) {
			throw new IllegalArgumentException("Not a staged file");
		}
		return temp;
	}

	/** Keys are always relative and never climb out of the root. */
	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || path.equals(this.root) || path.startsWith(this.incoming)) {
			throw new IllegalArgumentException("Storage key outside the storage root");
		}
		return path;
	}

	private String key(Path file) {
		return this.root.relativize(file).toString().replace('\\', '/');
	}

	private static void force(Path path) {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot sync a directory; the rename is still atomic.
			log.debug("Could not sync {}: {}", path, ex.toString());
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", file, ex.toString());
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An error on the storage side of a copy, as opposed to the sender's side. */
	private static final class StorageWriteException extends IOException {

		StorageWriteException(IOException cause) {
			super(cause);
		}

	}

}
