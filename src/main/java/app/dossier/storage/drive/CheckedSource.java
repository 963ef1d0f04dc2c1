package app.dossier.storage.drive;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import app.dossier.shared.UnavailableException;
import app.dossier.storage.StorageBackend.Content;

/**
 * The bytes to store, read piece by piece while their size, SHA-256 and MD5 are worked
 * out. The last piece is handed over only once the whole is known to match what was
 * declared, so a mismatch stops an upload before Drive has a complete file.
 */
final class CheckedSource implements AutoCloseable {

	private final InputStream in;

	private final long size;

	private final String sha256;

	private final MessageDigest sha256Digest = digest("SHA-256");

	private final MessageDigest md5Digest = digest("MD5");

	private long read;

	private String actualSha256 = "";

	private String actualMd5 = "";

	private CheckedSource(InputStream in, long size, String sha256) {
		this.in = in;
		this.size = size;
		this.sha256 = sha256;
	}

	static CheckedSource open(Content content) {
		try {
			return new CheckedSource(content.source().open(), content.size(), content.sha256());
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	long remaining() {
		return this.size - this.read;
	}

	/**
	 * Fills {@code buffer} from its start with the next {@code length} bytes (at most
	 * what remains). Throws when there are fewer, or when this was the end and the whole
	 * differs from what was declared.
	 */
	void fill(byte[] buffer, int length) {
		if (length > remaining()) {
			throw new IllegalArgumentException("More bytes asked for than declared");
		}
		try {
			int got = this.in.readNBytes(buffer, 0, length);
			this.sha256Digest.update(buffer, 0, got);
			this.md5Digest.update(buffer, 0, got);
			this.read += got;
			if (got < length) {
				throw mismatch("it has " + this.read + " bytes, fewer than the " + this.size + " declared");
			}
			if (remaining() == 0) {
				if (this.in.read() != -1) {
					throw mismatch("it has more than the " + this.size + " bytes declared");
				}
				this.actualSha256 = HexFormat.of().formatHex(this.sha256Digest.digest());
				this.actualMd5 = HexFormat.of().formatHex(this.md5Digest.digest());
				if (!this.actualSha256.equalsIgnoreCase(this.sha256)) {
					throw mismatch("its SHA-256 differs from the one declared");
				}
			}
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	/** Once all was read: the SHA-256 of what was read. */
	String sha256() {
		return this.actualSha256;
	}

	/** Once all was read: the MD5 of what was read. */
	String md5() {
		return this.actualMd5;
	}

	@Override
	public void close() {
		try {
			this.in.close();
		}
		catch (IOException ignored) {
			// Everything needed was read already, or the failure is being reported.
		}
	}

	private static UnavailableException mismatch(String problem) {
		return new UnavailableException(
				"The file was not stored in Google Drive because " + problem + "; nothing was kept. Please try again.",
				new IOException(problem));
	}

	private static UnavailableException unreadable(IOException ex) {
		return new UnavailableException("The file to store in Google Drive could not be read; nothing was kept.", ex);
	}

	private static MessageDigest digest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
