package app.dossier.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.dossier.shared.TooLargeException;
import app.dossier.shared.UnavailableException;
import app.dossier.support.RandomReads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staging writes and hashes blocks on other threads; what it keeps must be exact. */
class StagingTests {

	@TempDir
	Path root;

	@Test
	void stagedFilesHoldExactlyTheBytesSentWithTheirSizeChecksumAndHead() throws Exception {
		Staging staging = new Staging(new StorageSettings(this.root, "disk"));
		int block = BlockWriter.BLOCK;
		Random random = new Random(42);
		for (int size : new int[] { 0, 1, 8191, 8192, block - 1, block, block + 1, 3 * block, 7 * block + 17,
				random.nextInt(10 * block) }) {
			byte[] content = new byte[size];
			random.nextBytes(content);

			StagedFile staged = staging.stage(new RandomReads(content, random, 100_000), Long.MAX_VALUE);

			assertThat(staged.size()).isEqualTo(size);
			assertThat(staged.sha256()).isEqualTo(sha256(content));
			assertThat(Arrays.mismatch(staged.head(), Arrays.copyOf(content, Math.min(size, 8192))))
				.as("head of %d bytes, %d long", size, staged.head().length)
				.isEqualTo(-1);
			assertThat(Files.readAllBytes(staging.file(staged))).as("size %d", size).isEqualTo(content);
			staging.discard(staged);
		}
		assertThat(incomingFiles()).isZero();
	}

	@Test
	void aFileOverTheLimitLeavesNothing() {
		Staging staging = new Staging(new StorageSettings(this.root, "disk"));
		byte[] content = new byte[5 * BlockWriter.BLOCK];

		assertThatThrownBy(() -> staging.stage(new ByteArrayInputStream(content), 2L * BlockWriter.BLOCK + 1))
			.isInstanceOf(TooLargeException.class);
		assertThat(incomingFiles()).isZero();
	}

	@Test
	void aDiskThatFailsInTheMiddleLeavesNothingAndSaysStorageIsUnavailable() {
		Staging staging = FailingDisk.fullAfter(new StorageSettings(this.root, "disk"), 2L * BlockWriter.BLOCK);

		assertThatThrownBy(
				() -> staging.stage(new ByteArrayInputStream(new byte[9 * BlockWriter.BLOCK]), Long.MAX_VALUE))
			.isInstanceOf(UnavailableException.class);
		assertThat(incomingFiles()).isZero();
	}

	@Test
	void aSenderThatGoesAwayLeavesNothing() {
		Staging staging = new Staging(new StorageSettings(this.root, "disk"));
		InputStream brokenOff = new InputStream() {
			private int sent;

			@Override
			public int read() throws IOException {
				if (this.sent++ > 3 * BlockWriter.BLOCK) {
					throw new IOException("Connection reset");
				}
				return 7;
			}
		};

		assertThatThrownBy(() -> staging.stage(brokenOff, Long.MAX_VALUE)).isInstanceOf(IOException.class)
			.isNotInstanceOf(UnavailableException.class);
		assertThat(incomingFiles()).isZero();
	}

	@Test
	void aFileThatArrivedWholeIsMovedInWithItsChecksum() throws Exception {
		Staging staging = new Staging(new StorageSettings(this.root, "disk"));
		byte[] content = new byte[3 * BlockWriter.BLOCK + 5];
		new Random(7).nextBytes(content);
		Path arrived = Files.write(this.root.resolve("arrived.bin"), content);

		StagedFile staged = staging.adopt(arrived, content.length, null);

		assertThat(staged.size()).isEqualTo(content.length);
		assertThat(staged.sha256()).isEqualTo(sha256(content));
		assertThat(staged.head()).isEqualTo(Arrays.copyOf(content, 8192));
		assertThat(Files.readAllBytes(staging.file(staged))).isEqualTo(content);
		assertThat(arrived).doesNotExist();

		Path tooLarge = Files.write(this.root.resolve("large.bin"), content);
		assertThatThrownBy(() -> staging.adopt(tooLarge, content.length - 1, null))
			.isInstanceOf(TooLargeException.class);
		assertThat(tooLarge).exists();
		assertThat(incomingFiles()).isEqualTo(1);

		// Hashed as it was written: taken as it is, and only the head is read.
		StagedFile hashed = staging.adopt(tooLarge, content.length, sha256(content));
		assertThat(hashed.sha256()).isEqualTo(sha256(content));
		assertThat(hashed.head()).isEqualTo(Arrays.copyOf(content, 8192));
		assertThat(Files.readAllBytes(staging.file(hashed))).isEqualTo(content);
	}

	private long incomingFiles() {
		try (Stream<Path> files = Files.list(this.root.resolve(Staging.INCOMING))) {
			return files.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
