package app.dossier.storage.dropbox;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import app.dossier.shared.UnavailableException;

/**
 * The bytes to store, read chunk by chunk and checked against the size and SHA-256 they
 * were declared with, while Dropbox's content hash of them is computed on the way.
 */
final class CheckedContent {

	private final InputStream in;

	private final long size;

	private final String sha256;

	private final MessageDigest digest = ContentHash.sha256();

	private final ContentHash contentHash = new ContentHash();

	private long read;

	private boolean ended;

	CheckedContent(InputStream in, long size, String sha256) {
		this.in = in;
		this.size = size;
		this.sha256 = sha256;
	}

	/**
	 * Fills the buffer from the start as far as the content goes.
	 * @return how many bytes it holds now
	 */
	int fill(byte[] buffer) throws IOException {
		int filled = 0;
		while (filled < buffer.length) {
			int n = this.in.read(buffer, filled, buffer.length - filled);
			if (n == -1) {
				this.ended = true;
				break;
			}
			filled += n;
			if (this.read + filled > this.size) {
				throw mismatch("more than " + this.size + " bytes");
			}
		}
		this.read += filled;
		this.digest.update(buffer, 0, filled);
		this.contentHash.update(buffer, 0, filled);
		return filled;
	}

	/**
	 * Whether everything that was declared has been read, so the last fill is the end.
	 */
	boolean complete() {
		return this.ended || this.read == this.size;
	}

	/**
	 * Checks that the content ended at its declared size and had its declared SHA-256.
	 * @return Dropbox's content hash of it
	 */
	String verify() throws IOException {
		if (!this.ended && this.in.read() != -1) {
			throw mismatch("more than " + this.size + " bytes");
		}
		this.ended = true;
		String actual = HexFormat.of().formatHex(this.digest.digest());
		if (this.read != this.size || !actual.equalsIgnoreCase(this.sha256)) {
			throw mismatch(this.read + " bytes with SHA-256 " + actual);
		}
		return this.contentHash.finish();
	}

	private UnavailableException mismatch(String arrived) {
		return new UnavailableException(
				"The file could not be stored: what was sent does not match its size or SHA-256, so nothing was "
						+ "kept in Dropbox. Please try again.",
				new IOException("Expected " + this.size + " bytes with SHA-256 " + this.sha256 + ", read " + arrived));
	}

}
