package app.dossier.documents;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivesTests {

	@Test
	void textIsCompressedAndRandomBytesAreStored() {
		byte[] text = "Invoice line, amount, VAT\n".repeat(500).getBytes(StandardCharsets.UTF_8);
		byte[] noise = new byte[16 * 1024];
		new Random(42).nextBytes(noise);

		assertThat(Archives.worthCompressing("text/csv", text)).isTrue();
		assertThat(Archives.worthCompressing("application/octet-stream", text)).isTrue();
		assertThat(Archives.worthCompressing("application/octet-stream", noise)).isFalse();
		assertThat(Archives.worthCompressing("application/pdf", noise)).isFalse();
	}

	@Test
	void formatsThatAreCompressedInsideAreStoredWithoutTrying() {
		byte[] text = "aaaa".repeat(4096).getBytes(StandardCharsets.US_ASCII);

		assertThat(Archives.worthCompressing("image/jpeg", text)).isFalse();
		assertThat(Archives.worthCompressing("video/mp4", text)).isFalse();
		assertThat(Archives.worthCompressing("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				text))
			.isFalse();
		assertThat(Archives.worthCompressing("text/plain", new byte[0])).isFalse();
	}

}
