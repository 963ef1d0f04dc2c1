package app.dossier.web;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code dossier.web.write-buffer}: how many bytes of an answer Tomcat hands the
 * operating system in one write; unset, 32 KiB (Tomcat's own is 8 KiB). Every open
 * connection holds one, so it is kept between 8 KiB and 1 MiB.
 */
@ConfigurationProperties("dossier.web")
record WriteBufferSettings(@Nullable DataSize writeBuffer) {

	private static final DataSize DEFAULT = DataSize.ofKilobytes(32);

	private static final DataSize SMALLEST = DataSize.ofKilobytes(8);

	private static final DataSize LARGEST = DataSize.ofMegabytes(1);

	WriteBufferSettings {
		if (writeBuffer != null && (writeBuffer.compareTo(SMALLEST) < 0 || writeBuffer.compareTo(LARGEST) > 0)) {
			throw new IllegalArgumentException(
					"dossier.web.write-buffer must be between 8KB and 1MB, not " + writeBuffer.toBytes() + " bytes");
		}
	}

	int bytes() {
		return (int) ((this.writeBuffer != null) ? this.writeBuffer : DEFAULT).toBytes();
	}

}
