package app.dossier.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** At most the first {@code remaining} bytes of a stream. */
final class BoundedInputStream extends FilterInputStream {

	private long remaining;

	BoundedInputStream(InputStream in, long limit) {
		super(in);
		this.remaining = limit;
	}

	@Override
	public int read() throws IOException {
		if (this.remaining <= 0) {
			return -1;
		}
		int b = super.read();
		if (b >= 0) {
			this.remaining--;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.remaining <= 0) {
			return -1;
		}
		int read = super.read(buffer, offset, (int) Math.min(length, this.remaining));
		if (read > 0) {
			this.remaining -= read;
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(Math.min(n, this.remaining));
		this.remaining -= skipped;
		return skipped;
	}

	@Override
	public int available() throws IOException {
		return (int) Math.min(super.available(), this.remaining);
	}

}
