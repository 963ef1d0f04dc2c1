package app.dossier.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import app.dossier.shared.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every storage backend must do. A backend's test extends this, says how to reach a
 * fresh backend, and how a person would change a file directly on the platform.
 */
public abstract class StorageContract {

	/** The backend under test, ready for use; called once per test. */
	protected abstract StorageBackend backend();

	/**
	 * Replaces a file's content directly on the platform, as a person editing it in
	 * Dropbox or on the disk would, without going through the backend.
	 */
	protected abstract void overwriteDirectly(StoredFile file, byte[] content) throws Exception;

	/** Large enough to cross a backend's multipart threshold where it has one. */
	protected int largeFileSize() {
		return 6 * 1024 * 1024 + 123;
	}

	/** A folder no other test uses. */
	protected List<String> freshFolder() {
		return List.of("firm-" + UUID.randomUUID().toString().substring(0, 8), "customers", "Jane Doe");
	}

	@Test
	void storedBytesReadBackUnchanged() throws IOException {
		List<String> folder = freshFolder();
		byte[] bytes = random(42, 1000);

		StoredFile stored = backend().put(folder, "invoice.pdf", content(bytes));

		assertThat(stored.name()).isEqualTo("invoice.pdf");
		assertThat(stored.size()).isEqualTo(1000);
		assertThat(read(backend().get(stored.key(), 0, -1))).isEqualTo(bytes);
	}

	@Test
	void largeFilesAreStoredWhole() throws IOException {
		List<String> folder = freshFolder();
		byte[] bytes = random(7, largeFileSize());

		StoredFile stored = backend().put(folder, "scan.tiff", content(bytes));

		assertThat(stored.size()).isEqualTo(bytes.length);
		assertThat(sha256(read(backend().get(stored.key(), 0, -1)))).isEqualTo(sha256(bytes));
	}

	@Test
	void emptyFilesAreFiles() throws IOException {
		List<String> folder = freshFolder();

		StoredFile stored = backend().put(folder, "empty.txt", content(new byte[0]));

		assertThat(stored.size()).isZero();
		assertThat(read(backend().get(stored.key(), 0, -1))).isEmpty();
		assertThat(backend().list(folder)).extracting(StoredFile::name).containsExactly("empty.txt");
	}

	@Test
	void contentThatDiffersFromItsChecksumIsRefusedAndNotKept() {
		List<String> folder = freshFolder();
		byte[] bytes = random(1, 500);
		StorageBackend.Content wrong = new StorageBackend.Content(bytes.length, sha256(random(2, 500)),
				() -> new ByteArrayInputStream(bytes));

		assertThatThrownBy(() -> backend().put(folder, "a.pdf", wrong)).isInstanceOf(RuntimeException.class);
		assertThat(backend().list(folder)).isEmpty();
	}

	@Test
	void contentShorterThanDeclaredIsRefusedAndNotKept() {
		List<String> folder = freshFolder();
		byte[] bytes = random(1, 500);
		StorageBackend.Content wrong = new StorageBackend.Content(600, sha256(bytes),
				() -> new ByteArrayInputStream(bytes));

		assertThatThrownBy(() -> backend().put(folder, "a.pdf", wrong)).isInstanceOf(RuntimeException.class);
		assertThat(backend().list(folder)).isEmpty();
	}

	@Test
	void aTakenNameGetsTheNextNumber() {
		List<String> folder = freshFolder();

		StoredFile first = backend().put(folder, "a.pdf", content(random(1, 10)));
		StoredFile second = backend().put(folder, "a.pdf", content(random(2, 10)));
		StoredFile third = backend().put(folder, "a.pdf", content(random(3, 10)));

		assertThat(List.of(first.name(), second.name(), third.name())).containsExactly("a.pdf", "a (2).pdf",
				"a (3).pdf");
		assertThat(List.of(first.key(), second.key(), third.key())).doesNotHaveDuplicates();
	}

	@Test
	void rangesReadPartOfTheFile() throws IOException {
		List<String> folder = freshFolder();
		byte[] bytes = random(3, 4096);
		StoredFile stored = backend().put(folder, "report.pdf", content(bytes));

		assertThat(read(backend().get(stored.key(), 10, 20))).isEqualTo(slice(bytes, 10, 20));
		assertThat(read(backend().get(stored.key(), 4000, -1))).isEqualTo(slice(bytes, 4000, 96));
		assertThat(read(backend().get(stored.key(), 0, 1))).isEqualTo(slice(bytes, 0, 1));
	}

	@Test
	void listingShowsOnlyTheFolderOwnLevel() {
		List<String> folder = freshFolder();
		backend().put(folder, "top.pdf", content(random(1, 10)));
		backend().put(append(folder, "Archive"), "deep.pdf", content(random(2, 10)));

		assertThat(backend().list(folder)).extracting(StoredFile::name).containsExactly("top.pdf");
	}

	@Test
	void anEnsuredFolderIsEmptyAndTakesFiles() {
		List<String> folder = freshFolder();

		backend().ensureFolder(folder);
		backend().ensureFolder(folder);

		assertThat(backend().list(folder)).isEmpty();
		backend().put(folder, "first.pdf", content(random(12, 10)));
		assertThat(backend().list(folder)).extracting(StoredFile::name).containsExactly("first.pdf");
	}

	@Test
	void aMissingFolderListsEmpty() {
		assertThat(backend().list(freshFolder())).isEmpty();
	}

	@Test
	void statDescribesTheFile() {
		List<String> folder = freshFolder();
		StoredFile stored = backend().put(folder, "notes.txt", content(random(5, 321)));

		StoredFile stat = backend().stat(stored.key()).orElseThrow();

		assertThat(stat.key()).isEqualTo(stored.key());
		assertThat(stat.name()).isEqualTo("notes.txt");
		assertThat(stat.size()).isEqualTo(321);
		assertThat(stat.version()).isEqualTo(stored.version());
	}

	@Test
	void deletedFilesAreGoneAndDeletingTwiceIsFine() {
		List<String> folder = freshFolder();
		StoredFile stored = backend().put(folder, "gone.pdf", content(random(6, 100)));

		backend().delete(stored.key());
		backend().delete(stored.key());

		assertThat(backend().stat(stored.key())).isEmpty();
		assertThat(backend().list(folder)).isEmpty();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> read(backend().get(stored.key(), 0, -1)));
	}

	@Test
	void movedFilesKeepTheirBytes() throws IOException {
		List<String> folder = freshFolder();
		byte[] bytes = random(8, 777);
		StoredFile stored = backend().put(folder, "draft.pdf", content(bytes));
		backend().put(folder, "final.pdf", content(random(9, 5)));

		StoredFile moved = backend().move(stored.key(), folder, "final.pdf");

		assertThat(moved.name()).isEqualTo("final (2).pdf");
		assertThat(read(backend().get(moved.key(), 0, -1))).isEqualTo(bytes);
		assertThat(backend().list(folder)).extracting(StoredFile::name)
			.containsExactlyInAnyOrder("final.pdf", "final (2).pdf");
	}

	@Test
	void filesMoveBetweenFolders() throws IOException {
		List<String> from = freshFolder();
		List<String> to = freshFolder();
		byte[] bytes = random(10, 2048);
		StoredFile stored = backend().put(from, "letter.pdf", content(bytes));

		StoredFile moved = backend().move(stored.key(), to, "letter.pdf");

		assertThat(backend().list(from)).isEmpty();
		assertThat(backend().list(to)).extracting(StoredFile::name).containsExactly("letter.pdf");
		assertThat(read(backend().get(moved.key(), 0, -1))).isEqualTo(bytes);
	}

	@Test
	void namesKeepTheirLettersAndSpaces() throws IOException {
		List<String> folder = freshFolder();
		String name = "Rechnung März – Jürgen (final) #2.pdf";
		byte[] bytes = random(11, 64);

		StoredFile stored = backend().put(folder, name, content(bytes));

		assertThat(stored.name()).isEqualTo(name);
		assertThat(backend().list(folder)).extracting(StoredFile::name).containsExactly(name);
		assertThat(read(backend().get(stored.key(), 0, -1))).isEqualTo(bytes);
	}

	@Test
	void changesSinceAMarkerAccountForEveryAdditionChangeAndRemoval() throws Exception {
		List<String> folder = freshFolder();
		StoredFile kept = backend().put(folder, "kept.pdf", content(random(1, 100)));
		StoredFile changed = backend().put(folder, "changed.pdf", content(random(2, 100)));
		StoredFile removed = backend().put(folder, "removed.pdf", content(random(3, 100)));

		Map<String, String> known = new HashMap<>();
		FolderChanges first = backend().changes(folder, null);
		assertThat(first.complete()).isTrue();
		String marker = apply(known, first);
		assertThat(known).isEqualTo(versions(backend().list(folder)));

		FolderChanges none = backend().changes(folder, marker);
		marker = apply(known, none);
		assertThat(known).isEqualTo(versions(backend().list(folder)));

		backend().put(folder, "added.pdf", content(random(4, 100)));
		overwriteDirectly(changed, random(5, 150));
		backend().delete(removed.key());
		backend().put(append(folder, "Sub"), "ignored.pdf", content(random(6, 10)));

		apply(known, backend().changes(folder, marker));

		Map<String, String> now = versions(backend().list(folder));
		assertThat(known).isEqualTo(now);
		assertThat(now).containsKey(kept.key()).doesNotContainKey(removed.key());
		assertThat(now.get(changed.key())).isNotEqualTo(changed.version());
	}

	private static String apply(Map<String, String> known, FolderChanges changes) {
		if (changes.complete()) {
			known.clear();
		}
		changes.files().forEach((file) -> known.put(file.key(), file.version()));
		changes.removed().forEach(known::remove);
		return changes.marker();
	}

	private static Map<String, String> versions(List<StoredFile> files) {
		return files.stream().collect(Collectors.toMap(StoredFile::key, StoredFile::version));
	}

	protected static StorageBackend.Content content(byte[] bytes) {
		return new StorageBackend.Content(bytes.length, sha256(bytes), () -> new ByteArrayInputStream(bytes));
	}

	protected static byte[] random(long seed, int size) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	protected static byte[] read(InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] slice(byte[] bytes, int from, int length) {
		byte[] part = new byte[length];
		System.arraycopy(bytes, from, part, 0, length);
		return part;
	}

	private static List<String> append(List<String> folder, String name) {
		return java.util.stream.Stream.concat(folder.stream(), java.util.stream.Stream.of(name)).toList();
	}

}
