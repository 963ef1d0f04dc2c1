package app.dossier.documents;

import java.util.Map;

import org.apache.tika.Tika;

/**
 * Recognises a file's type from its first bytes and its name (Apache Tika), never from
 * what the sender claimed. The name only refines what the bytes say (a zip named .docx is
 * a Word document); it cannot contradict them (HTML named .pdf stays HTML).
 */
final class ContentTypes {

	private static final Tika TIKA = new Tika();

	private static final Map<String, String> NAMES = Map.of("text/html", "an HTML page", "application/pdf",
			"a PDF document", "text/plain", "plain text", "application/octet-stream", "of an unrecognised type",
			"application/zip", "a zip archive", "image/svg+xml", "an SVG image", "application/x-msdownload",
			"a Windows program");

	private ContentTypes() {
	}

	static String detect(byte[] head, String name) {
		String type = TIKA.detect(head, name);
		return (type != null && type.length() <= 255) ? type : "application/octet-stream";
	}

	/** For messages: "an HTML page (text/html)". */
	static String describe(String type) {
		String name = NAMES.get(type);
		return (name != null) ? name + " (" + type + ")" : "of type " + type;
	}

}
