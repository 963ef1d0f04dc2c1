package app.dossier.storage;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.AbstractResource;

/**
 * A file on a remote platform as a Spring resource. Its stream opens lazily, so a
 * {@code skip} before the first read (how Spring serves a byte range) becomes a ranged
 * request instead of a download of everything before the range.
 */
final class StoredResource extends AbstractResource {

	private final StorageBackend backend;

	private final StoredFile file;

	StoredResource(StorageBackend backend, StoredFile file) {
		this.backend = backend;
		this.file = file;
	}

	@Override
	public InputStream getInputStream() {
		return new LazyStream();
	}

	@Override
	public long contentLength() {
		return this.file.size();
	}

	@Override
	public long lastModified() {
		return this.file.modified().toEpochMilli();
	}

	@Override
	public boolean exists() {
		return true;
	}

	@Override
	public String getFilename() {
		return this.file.name();
	}

	@Override
	public String getDescription() {
		return "stored file " + this.file.name();
	}

	private final class LazyStream extends InputStream {

		private long offset;

		private @org.jspecify.annotations.Nullable InputStream in;

		private InputStream in() {
			if (this.in == null) {
				this.in = StoredResource.this.backend.get(StoredResource.this.file.key(), this.offset, -1);
			}
			return this.in;
		}

		@Override
		public long skip(long n) throws IOException {
			if (this.in != null) {
				return this.in.skip(n);
			}
			long skipped = Math.max(0, Math.min(n, StoredResource.this.file.size() - this.offset));
			this.offset += skipped;
			return skipped;
		}

		@Override
		public int read() throws IOException {
			return in().read();
		}

		@Override
		public int read(byte[] buffer, int off, int length) throws IOException {
			return in().read(buffer, off, length);
		}

		@Override
		public void close() throws IOException {
			if (this.in != null) {
				this.in.close();
			}
		}

	}

}
