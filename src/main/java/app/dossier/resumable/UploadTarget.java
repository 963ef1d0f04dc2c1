package app.dossier.resumable;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import app.dossier.documents.Document;

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
	 * Turns the finished bytes into a document, with every check a plain upload gets.
	 */
	Document finish(Map<String, String> metadata, InputStream content) throws IOException;

}
