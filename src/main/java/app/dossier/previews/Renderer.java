package app.dossier.previews;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Turns an image or a PDF's first page into a JPEG of at most {@link #SIZE} pixels a
 * side. Images are read at a reduced resolution (subsampled while decoding) so that a
 * large photo never sits whole in memory, and an image whose header declares more than
 * {@link #MAX_PIXELS} is not decoded at all.
 */
final class Renderer {

	static final int SIZE = 480;

	static final long MAX_PIXELS = 100_000_000L;

	static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/webp",
			"image/tiff", "image/x-ms-bmp");

	private Renderer() {
	}

	static boolean supports(String contentType) {
		String type = contentType.toLowerCase(Locale.ROOT);
		return IMAGES.contains(type) || type.equals("application/pdf");
	}

	/**
	 * @throws NoPreview when the file cannot or must not be rendered
	 */
	static Thumbnail image(InputStream content) throws IOException, NoPreview {
		try (ImageInputStream input = ImageIO.createImageInputStream(content)) {
			if (input == null) {
				throw new NoPreview("the image could not be opened");
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new NoPreview("no reader for this image format");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, false);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
					throw new NoPreview("the image declares " + width + " × " + height + " pixels, more than "
							+ MAX_PIXELS / 1_000_000 + " million");
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = (int) Math.max(1, Math.max(width, height) / (2L * SIZE));
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage decoded = reader.read(0, param);
				Orientation orientation = orientation(reader);
				var builder = Thumbnails.of(decoded).size(SIZE, SIZE);
				if (orientation != null) {
					builder = builder.addFilter(ExifFilterUtils.getFilterForOrientation(orientation));
				}
				return jpeg(builder.asBufferedImage());
			}
			finally {
				reader.dispose();
			}
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new NoPreview("the image is damaged");
		}
	}

	/** The first page of the PDF in the file, rendered to fit {@link #SIZE}. */
	static Thumbnail pdf(java.nio.file.Path file) throws IOException, NoPreview {
		try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
				IOUtils.createTempFileOnlyStreamCache())) {
			if (document.getNumberOfPages() == 0) {
				throw new NoPreview("the PDF has no pages");
			}
			PDRectangle box = document.getPage(0).getCropBox();
			float longest = Math.max(box.getWidth(), box.getHeight());
			if (longest <= 0) {
				throw new NoPreview("the PDF's first page has no size");
			}
			float scale = Math.min(4f, SIZE / longest);
			BufferedImage page = new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
			return jpeg(page);
		}
		catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException ex) {
			throw new NoPreview("the PDF is protected by a password");
		}
	}

	private static Orientation orientation(ImageReader reader) {
		try {
			return ExifUtils.getExifOrientation(reader, 0);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static Thumbnail jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Thumbnails.of(image).scale(1).outputFormat("jpg").outputQuality(0.8).toOutputStream(out);
		return new Thumbnail(out.toByteArray(), image.getWidth(), image.getHeight());
	}

	/** This file gets no preview; the reason is kept for staff. */
	static class NoPreview extends Exception {

		NoPreview(String reason) {
			super(reason);
		}

	}

}
