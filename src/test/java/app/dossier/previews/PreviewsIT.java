package app.dossier.previews;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import app.dossier.support.Customers;
import app.dossier.support.DossierIntegrationTest;
import app.dossier.support.Firms;
import app.dossier.support.Http;
import app.dossier.support.Http.FilePart;
import app.dossier.support.PortalSession;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Previews are made in the background from real files: a photo turned by its EXIF tag, a
 * PDF's first page; a decompression bomb and a broken PDF get none and break nothing.
 */
@DossierIntegrationTest
class PreviewsIT {

	@LocalServerPort
	int port;

	@Test
	void photosArePreviewedTheRightWayUpAndPdfsByTheirFirstPage() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Previewing");
		String token = firm.adminToken();
		Customers.Customer customer = Customers.withPortalAccess(http, firm, "Preview Client");
		String photo = upload(http, token, customer.clientId(), "receipt.jpg", rotatedJpeg());
		String pdf = upload(http, token, customer.clientId(), "return.pdf", pdf());

		HttpResponse<byte[]> thumbnail = awaitPreview(http, token, photo);
		assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(thumbnail.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(thumbnail.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("sandbox");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
		assertThat(image.getHeight()).as("a landscape picture tagged to be turned a quarter is shown upright")
			.isGreaterThan(image.getWidth());
		assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(480);

		BufferedImage page = ImageIO.read(new ByteArrayInputStream(awaitPreview(http, token, pdf).body()));
		assertThat(page.getHeight()).isGreaterThan(page.getWidth());

		HttpResponse<byte[]> view = http.download("/api/v1/documents/" + pdf + "/view", token);
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
		assertThat(view.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("sandbox");
		assertThat(view.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		String sheet = upload(http, token, customer.clientId(), "ledger.csv",
				"date,amount\n2026-01-01,10\n".getBytes(StandardCharsets.UTF_8));
		assertThat(http.download("/api/v1/documents/" + sheet + "/view", token)
			.headers()
			.firstValue("Content-Disposition")
			.orElse("")).as("anything but PDFs and images downloads").startsWith("attachment");

		String folder = http.get("/api/v1/clients/" + customer.clientId() + "/folders", token)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		http.patchJson("/api/v1/documents/" + photo, "{\"folderId\":\"" + folder + "\"}", token);
		http.patchJson("/api/v1/documents/" + sheet, "{\"folderId\":\"" + folder + "\"}", token);
		String session = PortalSession.signIn(http, customer.email());
		assertThat(http.getWithCookies("/portal/documents/" + photo + "/preview", session).status()).isEqualTo(200);
		assertThat(http.getWithCookies("/portal/documents/" + pdf + "/preview", session).status())
			.as("not shared with the contact")
			.isEqualTo(404);
		assertThat(http.getWithCookies("/portal/files?folder=" + folder, session).body()).as("a picture, else an icon")
			.contains("<img class=\"thumb\" loading=\"lazy\" src=\"/portal/documents/" + photo + "/preview\"",
					"<span class=\"file-icon file-icon-xls\" aria-hidden=\"true\">XLS</span>")
			.doesNotContain("/portal/documents/" + sheet + "/preview");
	}

	@Test
	void aDecompressionBombAndABrokenPdfGetNoPreviewAndBreakNothing() throws Exception {
		Http http = new Http(this.port);
		Firms.TestFirm firm = Firms.create(http, "Bombs");
		String token = firm.adminToken();
		String client = Customers.client(http, token, "Bomb Client");
		String bomb = upload(http, token, client, "huge.png", pngDeclaring(50_000, 50_000));
		String broken = upload(http, token, client, "broken.pdf",
				"%PDF-1.4\nthis is not really a PDF".getBytes(StandardCharsets.US_ASCII));
		String fine = upload(http, token, client, "fine.pdf", pdf());

		awaitPreview(http, token, fine);
		assertThat(http.download("/api/v1/documents/" + bomb + "/preview", token).statusCode()).isEqualTo(404);
		assertThat(http.download("/api/v1/documents/" + broken + "/preview", token).statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/documents/" + bomb, token).status()).as("the file itself is kept").isEqualTo(200);
		assertThat(http.get("/actuator/health").status()).isEqualTo(200);
		String staff = app.dossier.support.WebSession.signIn(http, firm.adminEmail(), Firms.PASSWORD);
		assertThat(http.getWithCookies("/clients/" + client + "/files", staff).body()).contains("file-icon-pdf",
				"/documents/" + fine + "/preview");
	}

	private static HttpResponse<byte[]> awaitPreview(Http http, String token, String id) {
		await().until(() -> http.download("/api/v1/documents/" + id + "/preview", token).statusCode() == 200);
		return http.download("/api/v1/documents/" + id + "/preview", token);
	}

	private static String upload(Http http, String token, String client, String name, byte[] content) {
		Http.Response response = http.postMultipart("/api/v1/clients/" + client + "/documents", token,
				List.of(FilePart.file(name, content)), Map.of());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("items").get(0).get("id").asString();
	}

	/** A 400 × 200 JPEG whose EXIF tag says to turn it a quarter clockwise (6). */
	static byte[] rotatedJpeg() throws IOException {
		BufferedImage picture = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = picture.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, 400, 200);
		g.dispose();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(picture, "jpg", jpeg);
		byte[] plain = jpeg.toByteArray();
		// TIFF header (big-endian), one IFD entry: Orientation (0x0112), SHORT, 1, value
		// 6.
		ByteBuffer tiff = ByteBuffer.allocate(26);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8).putShort((short) 1);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
		tiff.putInt(0);
		byte[] exif = ByteBuffer.allocate(6 + tiff.capacity())
			.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
			.put(tiff.array())
			.array();
		// After SOI and the JFIF APP0 segment, which must come first.
		int afterApp0 = 4 + (((plain[4] & 0xFF) << 8) | (plain[5] & 0xFF));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, afterApp0);
		out.write(new byte[] { (byte) 0xFF, (byte) 0xE1 });
		out.write(ByteBuffer.allocate(2).putShort((short) (exif.length + 2)).array());
		out.write(exif);
		out.write(plain, afterApp0, plain.length - afterApp0);
		return out.toByteArray();
	}

	/** A one-page A4 PDF, portrait. */
	static byte[] pdf() throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.addRect(50, 50, 200, 300);
				content.fill();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	/** A valid PNG header that declares a huge image, with no pixels behind it. */
	static byte[] pngDeclaring(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer ihdr = ByteBuffer.allocate(13)
			.putInt(width)
			.putInt(height)
			.put((byte) 8)
			.put((byte) 2)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		out.write(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.write(name);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
