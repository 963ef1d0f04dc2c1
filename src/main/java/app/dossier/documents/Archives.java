package app.dossier.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

/**
 * "Download all": documents written one after another into a zip as they are read, so an
 * archive of any size streams without being held anywhere. Each document's download is
 * recorded like a single one.
 */
@Component
public class Archives {

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
		ZipOutputStream zip = new ZipOutputStream(out);
		// Most documents (PDF, images, Office files) are compressed already.
		zip.setLevel(Deflater.BEST_SPEED);
		Set<String> names = new HashSet<>();
		for (Document document : included) {
			String folder = (document.folderId() != null) ? folderPaths.getOrDefault(document.folderId(), "") : "";
			String name = unique(names, (folder.isEmpty() ? "" : folder + "/") + document.name().replace('/', '_'));
			Documents.Download download = this.documents.download(by, firmId, document.id(), true);
			zip.putNextEntry(new ZipEntry(name));
			try (InputStream in = download.content().getInputStream()) {
				in.transferTo(zip);
			}
			zip.closeEntry();
			written.accept(document);
		}
		zip.finish();
		zip.flush();
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
