package app.dossier.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.NotFoundException;
import app.dossier.shared.UnavailableException;
import org.springframework.stereotype.Component;

/**
 * Files on a local disk under {@code dossier.storage.root}, in folders that read like the
 * firm's customer list. New files are written to the staging area on the same file system
 * and flushed, so the final step is an atomic rename and a crash never leaves half a file
 * under a customer's name.
 */
@Component
class DiskStorage implements StorageBackend {

	private final Path root;

	private final Staging staging;

	DiskStorage(StorageSettings settings, Staging staging) {
		this.root = settings.root().toAbsolutePath().normalize();
		this.staging = staging;
	}

	@Override
	public StoredFile put(List<String> folder, String fileName, Content content) {
		Path temp = this.staging.newTemporaryFile();
		boolean filed = false;
		try {
			MessageDigest digest = Checksums.sha256();
			long size = 0;
			try (InputStream in = content.source().open();
					OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = in.read(buffer)) != -1) {
					digest.update(buffer, 0, read);
					out.write(buffer, 0, read);
					size += read;
				}
			}
			String sha256 = Checksums.hex(digest);
			if (size != content.size() || !sha256.equals(content.sha256())) {
				throw new UnavailableException("The file arrived damaged (" + size + " bytes, SHA-256 " + sha256
						+ "); nothing was kept. Please try again.", null);
			}
			StoredFile stored = adopt(temp, folder, fileName);
			filed = true;
			return stored;
		}
		catch (IOException ex) {
			throw new UnavailableException("The file could not be stored; nothing was kept. Please try again.", ex);
		}
		finally {
			if (!filed) {
				Staging.deleteQuietly(temp);
			}
		}
	}

	@Override
	public void ensureFolder(List<String> folder) {
		try {
			Files.createDirectories(folder(folder));
		}
		catch (IOException ex) {
			throw new UnavailableException("The folder could not be created in storage.", ex);
		}
	}

	/** Files a complete, checked local file from the staging area by renaming it. */
	StoredFile adopt(Path staged, List<String> folder, String fileName) {
		Path directory = folder(folder);
		try {
			Staging.force(staged);
			Files.createDirectories(directory);
			Path target = reserve(directory, fileName);
			Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			Staging.force(directory);
			return describe(target);
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
	public InputStream get(String key, long offset, long length) {
		Path file = resolve(key);
		try {
			FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
			channel.position(offset);
			InputStream in = Channels.newInputStream(channel);
			return (length < 0) ? in : new BoundedInputStream(in, length);
		}
		catch (NoSuchFileException ex) {
			throw NotFoundException.saying("The file is missing from storage.");
		}
		catch (IOException ex) {
			throw new UnavailableException("The file could not be read from storage. Please try again.", ex);
		}
	}

	/** The file itself, for serving it with the operating system's help. */
	Path path(String key) {
		return resolve(key);
	}

	@Override
	public void delete(String key) {
		Staging.deleteQuietly(resolve(key));
	}

	@Override
	public StoredFile move(String key, List<String> folder, String fileName) {
		Path file = resolve(key);
		if (!Files.isRegularFile(file)) {
			throw NotFoundException.saying("The file is missing from storage.");
		}
		Path directory = folder(folder);
		try {
			Files.createDirectories(directory);
			Path target = reserve(directory, fileName);
			Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return describe(target);
		}
		catch (IOException ex) {
			throw new UnavailableException("The file could not be moved in storage. Please try again.", ex);
		}
	}

	@Override
	public List<StoredFile> list(List<String> folder) {
		Path directory = folder(folder);
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(directory)) {
			List<StoredFile> files = new ArrayList<>();
			for (Path entry : (Iterable<Path>) entries::iterator) {
				if (Files.isRegularFile(entry)) {
					describeIfPresent(entry).ifPresent(files::add);
				}
			}
			files.sort(Comparator.comparing(StoredFile::name));
			return files;
		}
		catch (IOException ex) {
			throw new UnavailableException("The folder could not be read from storage.", ex);
		}
	}

	@Override
	public Optional<StoredFile> stat(String key) {
		Path file = resolve(key);
		return Files.isRegularFile(file) ? describeIfPresent(file) : Optional.empty();
	}

	/**
	 * A disk has no change feed; the marker is a digest of the listing, so an unchanged
	 * folder costs one directory read and no database work.
	 */
	@Override
	public FolderChanges changes(List<String> folder, @Nullable String marker) {
		List<StoredFile> files = list(folder);
		String now = Listings.marker(files);
		return now.equals(marker) ? FolderChanges.unchanged(now) : new FolderChanges(true, files, List.of(), now);
	}

	private Optional<StoredFile> describeIfPresent(Path file) {
		try {
			return Optional.of(describe(file));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private StoredFile describe(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		long nanos = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
		return new StoredFile(key(file), file.getFileName().toString(), attributes.size(),
				attributes.lastModifiedTime().toInstant(), attributes.size() + "-" + nanos, null);
	}

	private Path folder(List<String> folder) {
		Path directory = this.root;
		for (String name : folder) {
			directory = directory.resolve(name);
		}
		directory = directory.normalize();
		if (!directory.startsWith(this.root) || directory.equals(this.root)
				|| directory.startsWith(this.root.resolve(Staging.INCOMING))) {
			throw new IllegalArgumentException("Storage folder outside the storage root");
		}
		return directory;
	}

	/** Keys are always relative and never climb out of the root. */
	private Path resolve(String key) {
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || path.equals(this.root)
				|| path.startsWith(this.root.resolve(Staging.INCOMING))) {
			throw new IllegalArgumentException("Storage key outside the storage root");
		}
		return path;
	}

	private String key(Path file) {
		return this.root.relativize(file).toString().replace('\\', '/');
	}

}
