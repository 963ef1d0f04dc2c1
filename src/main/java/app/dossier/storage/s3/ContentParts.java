package app.dossier.storage.s3;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.ContentStreamProvider;

import app.dossier.storage.StorageBackend.Content;

/**
 * A content read front to back as the bodies of one upload (a single request or the parts
 * of a multipart upload), checking as the bytes pass that they have the declared size and
 * SHA-256. When the SDK sends a part again (a retry), the part is read again from a fresh
 * opening of the source, skipped to its offset: nothing is held in memory beyond the
 * SDK's copy buffer.
 *
 * <p>
 * The check ends inside the read that delivers the last byte: if the content is not what
 * was declared, that read fails before the last bytes reach the server, so the request
 * can never complete with wrong content.
 */
final class ContentParts implements Closeable {

	private final Content content;

	private @Nullable InputStream in;

	/** Where {@link #in} stands. */
	private long position;

	/** The digest of the bytes before {@link #position}. */
	private MessageDigest digest = sha256();

	private boolean verified;

	private @Nullable ContentMismatchException mismatch;

	private int opens;

	ContentParts(Content content) {
		this.content = content;
	}

	/**
	 * The body of the bytes from {@code offset}; parts are asked for in order, each once
	 * the previous one was sent.
	 */
	ContentStreamProvider part(long offset, long length) {
		if (offset != this.position) {
			throw new IllegalStateException(
					"Parts must follow one another: at " + this.position + ", asked for " + offset);
		}
		MessageDigest atStart = copy(this.digest);
		return () -> open(offset, length, atStart);
	}

	/**
	 * Checks an empty content, which no request reads: the source must be empty too and
	 * the declared SHA-256 must be that of nothing.
	 */
	void checkEmpty() {
		try {
			reopenAt(0);
			finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Throws unless every byte was read and matched what was declared. */
	void requireVerified() {
		if (this.mismatch != null) {
			throw this.mismatch;
		}
		if (!this.verified) {
			throw new IllegalStateException("The upload ended before all of the content was read");
		}
	}

	/** Why the content was refused, if it was. */
	@Nullable ContentMismatchException mismatch() {
		return this.mismatch;
	}

	/** How many times the source was opened (1 when no part was sent twice). */
	int opens() {
		return this.opens;
	}

	@Override
	public void close() {
		closeQuietly();
	}

	private InputStream open(long offset, long length, MessageDigest atStart) {
		try {
			if (this.in == null || this.position != offset) {
				reopenAt(offset);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.digest = copy(atStart);
		if (length > 0) {
			this.verified = false;
		}
		return new PartStream(length);
	}

	private void reopenAt(long offset) throws IOException {
		closeQuietly();
		this.opens++;
		InputStream opened = this.content.source().open();
		this.in = opened;
		this.position = 0;
		long skipped = 0;
		while (skipped < offset) {
			long step = opened.skip(offset - skipped);
			if (step <= 0) {
				if (opened.read() == -1) {
					throw refuse("The content is shorter than its declared " + this.content.size() + " bytes");
				}
				step = 1;
			}
			skipped += step;
		}
		this.position = offset;
	}

	/** At the declared end: nothing may follow, and the digest must match. */
	private void finish() throws IOException {
		InputStream source = this.in;
		if (source == null || source.read() != -1) {
			throw refuse("The content is longer than its declared " + this.content.size() + " bytes");
		}
		String actual = HexFormat.of().formatHex(copy(this.digest).digest());
		if (!actual.equalsIgnoreCase(this.content.sha256())) {
			throw refuse("The content's SHA-256 differs from the declared one");
		}
		this.verified = true;
	}

	private ContentMismatchException refuse(String reason) {
		ContentMismatchException refused = new ContentMismatchException(reason);
		this.mismatch = refused;
		return refused;
	}

	private void closeQuietly() {
		InputStream source = this.in;
		this.in = null;
		if (source != null) {
			try {
				source.close();
			}
			catch (IOException ex) {
				// Only read from; nothing was lost.
			}
		}
	}

	private static MessageDigest copy(MessageDigest digest) {
		try {
			return (MessageDigest) digest.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
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

	/** One part's bytes, counted and digested as they are read. */
	private final class PartStream extends InputStream {

		private long remaining;

		PartStream(long length) {
			this.remaining = length;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.remaining == 0) {
				return -1;
			}
			if (length == 0) {
				return 0;
			}
			InputStream source = ContentParts.this.in;
			if (source == null) {
				throw new IOException("The content was closed");
			}
			int read = source.read(buffer, offset, (int) Math.min(length, this.remaining));
			if (read == -1) {
				throw refuse("The content is shorter than its declared " + ContentParts.this.content.size() + " bytes");
			}
			ContentParts.this.digest.update(buffer, offset, read);
			ContentParts.this.position += read;
			this.remaining -= read;
			if (ContentParts.this.position == ContentParts.this.content.size()) {
				finish();
			}
			return read;
		}

		@Override
		public int available() {
			return 0;
		}

		@Override
		public void close() {
			// The source stays open for the next part.
		}

	}

	/**
	 * The bytes are not what the caller declared. Not an I/O failure: the SDK must not
	 * retry it.
	 */
	static final class ContentMismatchException extends IllegalArgumentException {

		ContentMismatchException(String message) {
			super(message);
		}

	}

}
