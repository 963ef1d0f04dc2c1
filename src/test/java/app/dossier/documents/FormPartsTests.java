package app.dossier.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.servlet.ServletInputStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import app.dossier.shared.InvalidInputException;
import app.dossier.support.RandomReads;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormPartsTests {

	private static final String BOUNDARY = "----dossierBoundary7MA4YWxkTrZu0gW";

	@Test
	void partsComeOutByteForByteHoweverTheBodyIsCutIntoReads() throws IOException {
		// Seeded, so a failure repeats: contents full of near-boundaries, read back
		// through reads of random sizes, some a single byte.
		for (long seed = 1; seed <= 200; seed++) {
			Random random = new Random(seed);
			List<Sent> sent = new ArrayList<>();
			int parts = 1 + random.nextInt(5);
			for (int i = 0; i < parts; i++) {
				boolean file = random.nextBoolean();
				sent.add(new Sent(file ? "file" : "field" + i, file ? "name-" + i + ".bin" : null,
						trickyBytes(random, random.nextInt(3 * 65536))));
			}
			FormParts form = FormParts.of(request(body(sent, "preamble\r\n", "\r\nepilogue"), random));
			for (Sent expected : sent) {
				FormParts.Part part = form.next();
				assertThat(part).as("seed %d", seed).isNotNull();
				assertThat(part.name()).isEqualTo(expected.name());
				assertThat(part.fileName()).isEqualTo(expected.fileName());
				assertThat(part.isFormField()).isEqualTo(expected.fileName() == null);
				if (random.nextInt(4) > 0) {
					byte[] received = readInRandomSteps(part.content(), random);
					assertThat(java.util.Arrays.mismatch(received, expected.content()))
						.as("seed %d: first difference of %d bytes received, %d sent", seed, received.length,
								expected.content().length)
						.isEqualTo(-1);
				}
				// Otherwise left unread: next() skips it.
			}
			assertThat(form.next()).as("seed %d", seed).isNull();
			assertThat(form.next()).isNull();
		}
	}

	@Test
	void namesAreReadAsUtf8AndQuotedNamesUnquoted() throws IOException {
		byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Übersicht "
				+ "\\\"2026\\\".pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--" + BOUNDARY + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		FormParts form = FormParts.of(request(body, new Random(1)));

		FormParts.Part part = form.next();

		assertThat(part.fileName()).isEqualTo("Übersicht \"2026\".pdf");
		assertThat(part.content().readAllBytes()).isEqualTo("%PDF".getBytes(StandardCharsets.US_ASCII));
		assertThat(form.next()).isNull();
	}

	@Test
	void aBodyCutOffBeforeItsLastBoundaryIsRefused() throws IOException {
		byte[] whole = body(List.of(new Sent("file", "a.bin", new byte[100_000])), "", "");
		for (int cut : new int[] { 10, 120, 50_000, whole.length - 8 }) {
			byte[] truncated = java.util.Arrays.copyOf(whole, cut);
			FormParts form = FormParts.of(request(truncated, new Random(cut)));
			assertThatThrownBy(() -> {
				FormParts.Part part;
				while ((part = form.next()) != null) {
					part.content().readAllBytes();
				}
			}).as("cut at %d", cut).isInstanceOf(InvalidInputException.class);
		}
	}

	@Test
	void aBodyWithoutItsBoundaryOrWithBrokenHeadersIsRefused() {
		MockHttpServletRequest noBoundary = new MockHttpServletRequest("POST", "/");
		noBoundary.setContentType("multipart/form-data");
		assertThatThrownBy(() -> FormParts.of(noBoundary)).isInstanceOf(InvalidInputException.class);

		byte[] controlCharacter = ("--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0001" + ".pdf\"\r\n\r\nx\r\n--"
				+ BOUNDARY + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> FormParts.of(request(controlCharacter, new Random(2))).next())
			.isInstanceOf(InvalidInputException.class);

		byte[] endlessHeader = ("--" + BOUNDARY + "\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\nx\r\n--" + BOUNDARY
				+ "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> FormParts.of(request(endlessHeader, new Random(3))).next())
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void onlyMultipartContentTypesAreMultipart() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		assertThat(FormParts.isMultipart(request)).isFalse();
		request.setContentType("application/json");
		assertThat(FormParts.isMultipart(request)).isFalse();
		request.setContentType("Multipart/Form-Data; boundary=x");
		assertThat(FormParts.isMultipart(request)).isTrue();
	}

	/** Random bytes salted with pieces of the delimiter, CRs and LFs. */
	private static byte[] trickyBytes(Random random, int length) {
		byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream(length);
		while (out.size() < length) {
			switch (random.nextInt(4)) {
				case 0 -> out.write(delimiter, 0, 1 + random.nextInt(delimiter.length - 1));
				case 1 -> out.write(random.nextBoolean() ? '\r' : '\n');
				default -> {
					byte[] noise = new byte[random.nextInt(2048)];
					random.nextBytes(noise);
					out.write(noise, 0, noise.length);
				}
			}
		}
		byte[] bytes = java.util.Arrays.copyOf(out.toByteArray(), length);
		// A sender picks a boundary its content does not contain; now and then the pieces
		// above happen to make it whole.
		return contains(bytes, ("\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII)) ? trickyBytes(random, length)
				: bytes;
	}

	private static boolean contains(byte[] bytes, byte[] part) {
		for (int i = 0; i + part.length <= bytes.length; i++) {
			if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return true;
			}
		}
		return false;
	}

	private static byte[] body(List<Sent> parts, String preamble, String epilogue) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(preamble.getBytes(StandardCharsets.US_ASCII));
		for (Sent part : parts) {
			String disposition = "form-data; name=\"" + part.name() + "\""
					+ ((part.fileName() != null) ? "; filename=\"" + part.fileName() + "\"" : "");
			out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.writeBytes(part.content());
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes(("--" + BOUNDARY + "--" + epilogue).getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private static MockHttpServletRequest request(byte[] body, Random random) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/") {
			@Override
			public ServletInputStream getInputStream() {
				return new RandomReads(body, random, 20_000);
			}
		};
		request.setContentType("multipart/form-data; boundary=" + BOUNDARY);
		return request;
	}

	private static byte[] readInRandomSteps(InputStream in, Random random) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[70_000];
		while (true) {
			if (random.nextInt(10) == 0) {
				int b = in.read();
				if (b == -1) {
					break;
				}
				out.write(b);
				continue;
			}
			int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length - 1));
			if (n == -1) {
				break;
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private record Sent(String name, @Nullable String fileName, byte[] content) {
	}

}
