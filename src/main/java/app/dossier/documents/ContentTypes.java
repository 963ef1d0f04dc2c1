package app.dossier.documents;

import java.util.Map;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

import app.dossier.shared.FileTypes;

/**
 * Recognises a file's type from its first bytes and its name (Apache Tika), never from
 * what the sender claimed. The name only refines what the bytes say (a zip named .docx is
 * a Word document); it cannot contradict them (HTML named .pdf stays HTML).
 */
final class ContentTypes {

	private static final Tika TIKA = new Tika();

	private static final MediaTypeRegistry REGISTRY = MediaTypeRegistry.getDefaultRegistry();

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

	/**
	 * What the name alone suggests; {@code application/octet-stream} when it says
	 * nothing.
	 */
	static String byName(String name) {
		String type = TIKA.detect(name);
		return (type != null) ? type : "application/octet-stream";
	}

	/**
	 * Whether the bytes are plainly something other than the name says: the bytes carry
	 * the signature of a type, neither type is a variant of the other, and they are not
	 * of one kind (a PNG named .jpg is still an image; HTML named .pdf is not a PDF).
	 * Text without a signature ("looks like text") and unrecognised bytes are no evidence
	 * either way.
	 */
	static boolean contradicts(String detected, String named) {
		if (named.equals("application/octet-stream") || detected.equals("application/octet-stream")
				|| detected.equals("text/plain") || detected.equals(named)) {
			return false;
		}
		MediaType bytes = MediaType.parse(detected);
		MediaType name = MediaType.parse(named);
		if (bytes == null || name == null || REGISTRY.isSpecializationOf(bytes, name)
				|| REGISTRY.isSpecializationOf(name, bytes)) {
			return false;
		}
		java.util.Optional<FileTypes> kind = FileTypes.of(detected);
		return kind.isEmpty() || !kind.equals(FileTypes.of(named));
	}

	/** For messages: "an HTML page (text/html)". */
	static String describe(String type) {
		String name = NAMES.get(type);
		return (name != null) ? name + " (" + type + ")" : "of type " + type;
	}

}
