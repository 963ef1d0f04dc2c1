package app.dossier.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** A staging area on a disk that fills up after a number of bytes of each file. */
final class FailingDisk {

	private FailingDisk() {
	}

	static Staging fullAfter(StorageSettings settings, long bytes) {
		return new Staging(settings) {
			@Override
			protected OutputStream openForWrite(Path temp) throws IOException {
				return new FilterOutputStream(super.openForWrite(temp)) {
					private long written;

					@Override
					public void write(byte[] b, int off, int len) throws IOException {
						this.written += len;
						if (this.written > bytes) {
							throw new IOException("No space left on device");
						}
						this.out.write(b, off, len);
					}
				};
			}
		};
	}

}
