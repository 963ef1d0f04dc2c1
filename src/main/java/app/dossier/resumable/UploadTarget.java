package app.dossier.resumable;

import java.io.IOException;
import java.util.Map;

import app.dossier.documents.Document;
import app.dossier.documents.Uploads;
import app.dossier.shared.InvalidInputException;

/**
 * One door's rules for resumable uploads: whose uploads they are, what may start, whether
 * uploading may go on, and how finished bytes become a document.
 */
public interface UploadTarget {

	/** Uploads belong to this owner; nobody else can see, continue or end them. */
	String owner();

	/**
	 * Checks a new upload before any byte is stored, from its declared length and its
	 * metadata ({@code filename} and the door's own keys).
	 */
	void admit(long length, Map<String, String> metadata);

	/**
	 * Turns the finished bytes into a document, with every check a plain upload gets. The
	 * file may be moved away; whatever happens, the upload is removed afterwards.
	 */
	Document finish(Map<String, String> metadata, Uploads.Arrived data) throws IOException;

	/**
	 * The file's name from the metadata ({@code filename}, or {@code name} as some
	 * clients send it).
	 * @throws InvalidInputException when there is none
	 */
	static String fileName(Map<String, String> metadata) {
		String name = metadata.getOrDefault("filename", metadata.get("name"));
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("filename", "Give the file's name in Upload-Metadata (filename).");
		}
		return name;
	}

}
