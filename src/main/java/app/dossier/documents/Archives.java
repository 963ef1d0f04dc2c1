package app.dossier.documents;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * "Download all": documents written one after another into a zip as they are read, so an
 * archive of any size streams without being held anywhere. Documents are looked up again
 * just before they are written, and their downloads recorded like single ones, a hundred
 * at a time.
 */
@Component
public class Archives {

	private static final Logger log = LoggerFactory.getLogger(Archives.class);

	// Bytes of each document tried for compressibility before its entry is begun.
	private static final int SAMPLE = 16 * 1024;

	static final int BUFFER = 64 * 1024;

	// Documents on this server's disk up to this size are read once, whole, into memory.
	private static final int WHOLE = 4 * 1024 * 1024;

	private static final int RECORD_EVERY = 100;

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
	 * @param written told of the documents in the archive after each hundred, and of
	 * those of an unfinished hundred when the recipient goes away before the end
	 */
	public void write(Uploader by, UUID firmId, List<Document> included, Map<UUID, String> folderPaths,
			OutputStream out, Consumer<List<Document>> written) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, BUFFER));
		Set<String> names = new HashSet<>();
		List<Document> sent = new ArrayList<>();
		Entries entries = new Entries(zip);
		try {
			for (int from = 0; from < included.size(); from += RECORD_EVERY) {
				List<UUID> batch = included.subList(from, Math.min(from + RECORD_EVERY, included.size()))
					.stream()
					.map(Document::id)
					.toList();
				for (Documents.Download download : this.documents.downloads(firmId, batch)) {
					Document document = download.document();
					String folder = (document.folderId() != null) ? folderPaths.getOrDefault(document.folderId(), "")
							: "";
					String name = unique(names,
							(folder.isEmpty() ? "" : folder + "/") + document.name().replace('/', '_'));
					entries.add(new ZipEntry(name), document.contentType(), download.content());
					sent.add(document);
				}
				if (!sent.isEmpty()) {
					record(by, firmId, sent, written);
					sent = new ArrayList<>();
				}
			}
			zip.finish();
			zip.flush();
		}
		finally {
			recordQuietly(by, firmId, sent, written);
		}
	}

	private void record(Uploader by, UUID firmId, List<Document> sent, Consumer<List<Document>> written) {
		this.documents.recordDownloads(by, firmId, sent);
		written.accept(sent);
	}

	/** What reached the archive is recorded even when writing it failed. */
	private void recordQuietly(Uploader by, UUID firmId, List<Document> sent, Consumer<List<Document>> written) {
		if (sent.isEmpty()) {
			return;
		}
		try {
			record(by, firmId, sent, written);
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the downloads of {} documents in an archive: {}", sent.size(), ex.toString());
		}
	}

	/** Writes entries into one archive, with one buffer for the documents read whole. */
	private static final class Entries {

		private final ZipOutputStream zip;

		private byte @Nullable [] whole;

		Entries(ZipOutputStream zip) {
			this.zip = zip;
		}

		void add(ZipEntry entry, String contentType, Resource content) throws IOException {
			if (content.isFile() && content.contentLength() < WHOLE
					&& addWhole(entry, contentType, content.getFile().toPath())) {
				return;
			}
			try (InputStream in = content.getInputStream()) {
				byte[] head = in.readNBytes(SAMPLE);
				if (worthCompressing(contentType, head)) {
					this.zip.setLevel(Deflater.BEST_SPEED);
				}
				else if (content.isFile()) {
					// Read twice (the second time from the page cache) to store it as
					// it is: the zip format wants a stored entry's CRC before its bytes.
					stored(entry, content.getFile().toPath());
				}
				else {
					this.zip.setLevel(Deflater.NO_COMPRESSION);
				}
				this.zip.putNextEntry(entry);
				this.zip.write(head);
				in.transferTo(this.zip);
			}
			this.zip.closeEntry();
		}

		/**
		 * Read once into memory: the zip format wants a stored entry's CRC before its
		 * bytes, and nothing then passes through a deflate stream. False, having written
		 * nothing, when the file has grown since it was looked at.
		 */
		private boolean addWhole(ZipEntry entry, String contentType, Path file) throws IOException {
			if (this.whole == null) {
				this.whole = new byte[WHOLE];
			}
			byte[] bytes = this.whole;
			int size;
			try (InputStream in = Files.newInputStream(file)) {
				size = in.readNBytes(bytes, 0, WHOLE);
			}
			if (size == WHOLE) {
				return false;
			}
			if (worthCompressing(contentType, Arrays.copyOf(bytes, Math.min(size, SAMPLE)))) {
				this.zip.setLevel(Deflater.BEST_SPEED);
			}
			else {
				CRC32 crc = new CRC32();
				crc.update(bytes, 0, size);
				stored(entry, size, crc);
			}
			this.zip.putNextEntry(entry);
			this.zip.write(bytes, 0, size);
			this.zip.closeEntry();
			return true;
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
			stored(entry, size, crc);
		}

		private static void stored(ZipEntry entry, long size, CRC32 crc) {
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(size);
			entry.setCompressedSize(size);
			entry.setCrc(crc.getValue());
		}

	}

	/**
	 * Whether deflating the document saves enough to pay for itself. Deflate's fastest
	 * level runs at about 50 MB/s a core, so a 1 GB folder of photos or PDFs would take
	 * 20 s for a few percent; entries that gain little are stored instead. Judged by the
	 * sample's byte entropy: below 7.2 bits a byte, Huffman coding alone saves a tenth.
	 * (Deflating the sample to find out cost more than writing a 1 MB document.)
	 */
	static boolean worthCompressing(String contentType, byte[] head) {
		String type = contentType.toLowerCase(Locale.ROOT);
		if (COMPRESSED.stream().anyMatch(type::startsWith) || head.length == 0) {
			return false;
		}
		int[] counts = new int[256];
		for (byte b : head) {
			counts[b & 0xFF]++;
		}
		double bits = 0;
		for (int count : counts) {
			if (count > 0) {
				double p = (double) count / head.length;
				bits -= p * Math.log(p);
			}
		}
		return bits / Math.log(2) < 7.2;
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
