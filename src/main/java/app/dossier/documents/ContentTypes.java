package app.dossier.documents;

import org.apache.tika.Tika;

/**
 * Recognises a file's type from its first bytes and its name (Apache Tika), never from
 * what the sender claimed.
 */
final class ContentTypes {

	private static final Tika TIKA = new Tika();

	private ContentTypes() {
	}

	static String detect(byte[] head, String name) {
		String type = TIKA.detect(head, name);
		return (type != null && type.length() <= 255) ? type : "application/octet-stream";
	}

}
