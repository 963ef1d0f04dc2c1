package app.dossier.documents;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * "Download all": documents written one after another into a zip as they are read, so an
 * archive of any size streams without being held anywhere. Each document's download is
 * recorded like a single one.
 */
@Component
public class Archives {

	// Bytes of each document tried for compressibility before its entry is begun.
	private static final int SAMPLE = 16 * 1024;

	private static final int BUFFER = 64 * 1024;

	// Formats that are compressed inside already: deflating them again gains nothing.
	private static final List<String> COMPRESSED = List.of("image/jpeg", "image/png", "image/gif", "image/webp",
			"image/heic", "image/heif", "image/avif", "video/", "audio/mpeg", "audio/mp4", "audio/aac", "audio/ogg",
			"application/zip", "application/gzip", "application/x-7z", "application/x-rar", "application/vnd.rar",
			"application/x-bzip2", "application/x-xz", "application/zstd",
			"application/vnd.openxmlformats-officedocument", "application/vnd.oasis.opendocument",
			"application/epub+zip");

	private final Documents documents;

	Archives(Documents documents) {
		this.documents = documents;
	}

	/**
	 * @param folderPaths the path inside the archive of each folder that holds documents
	 * (none: at the top)
	 * @param written told of each document once it is in the archive
	 */
	public void write(Uploader by, UUID firmId, List<Document> included, Map<UUID, String> folderPaths,
			OutputStream out, Consumer<Document> written) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, BUFFER));
		Set<String> names = new HashSet<>();
		for (Document document : included) {
			String folder = (document.folderId() != null) ? folderPaths.getOrDefault(document.folderId(), "") : "";
			String name = unique(names, (folder.isEmpty() ? "" : folder + "/") + document.name().replace('/', '_'));
			Documents.Download download = this.documents.download(by, firmId, document.id(), true);
			Resource content = download.content();
			try (InputStream in = content.getInputStream()) {
				byte[] head = in.readNBytes(SAMPLE);
				ZipEntry entry = new ZipEntry(name);
				if (worthCompressing(document.contentType(), head)) {
					zip.setLevel(Deflater.BEST_SPEED);
				}
				else if (content.isFile()) {
					// Read twice (the second time from the page cache) to store it as
					// it is: the zip format wants a stored entry's CRC before its bytes,
					// and nothing then passes through a deflate stream.
					stored(entry, content.getFile().toPath());
				}
				else {
					zip.setLevel(Deflater.NO_COMPRESSION);
				}
				zip.putNextEntry(entry);
				zip.write(head);
				in.transferTo(zip);
			}
			zip.closeEntry();
			written.accept(document);
		}
		zip.finish();
		zip.flush();
	}

	private static void stored(ZipEntry entry, Path file) throws IOException {
		CRC32 crc = new CRC32();
		long size = 0;
		try (FileChannel channel = FileChannel.open(file)) {
			ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
			for (int read; (read = channel.read(buffer)) != -1;) {
				buffer.flip();
				crc.update(buffer);
				buffer.clear();
				size += read;
			}
		}
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(size);
		entry.setCompressedSize(size);
		entry.setCrc(crc.getValue());
	}

	/**
	 * Whether deflating the document saves enough to pay for itself. Deflate's fastest
	 * level runs at about 50 MB/s a core, so a 1 GB folder of photos or PDFs would take
	 * 20 s for a few percent; entries that gain little are written as stored deflate
	 * blocks instead (a few GB/s, and still an ordinary deflated entry every unzip tool
	 * reads).
	 */
	static boolean worthCompressing(String contentType, byte[] head) {
		String type = contentType.toLowerCase(Locale.ROOT);
		if (COMPRESSED.stream().anyMatch(type::startsWith) || head.length == 0) {
			return false;
		}
		Deflater trial = new Deflater(Deflater.BEST_SPEED, true);
		try {
			trial.setInput(head);
			trial.finish();
			byte[] out = new byte[head.length + 64];
			int size = 0;
			while (!trial.finished() && size < out.length) {
				size += trial.deflate(out, size, out.length - size);
			}
			return size < head.length * 0.9;
		}
		finally {
			trial.end();
		}
	}

	private static String unique(Set<String> names, String name) {
		String candidate = name;
		for (int n = 2; !names.add(candidate.toLowerCase(Locale.ROOT)); n++) {
			int dot = name.lastIndexOf('.');
			candidate = (dot > 0) ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot)
					: name + " (" + n + ")";
		}
		return candidate;
	}

}
