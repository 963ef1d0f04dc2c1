package app.dossier.documents;

import java.util.List;

import app.dossier.shared.InvalidInputException;

/**
 * Part of a document list: {@code limit} documents from {@code offset} on, and whether
 * more follow.
 */
public record DocumentPage(List<Document> items, int offset, int limit, boolean more) {

	public static final int DEFAULT_LIMIT = 100;

	public static final int MAX_LIMIT = 500;

	/** Checks the request's {@code offset} and {@code limit} before any work is done. */
	public static void check(int offset, int limit) {
		if (offset < 0) {
			throw new InvalidInputException("offset", "Offset is 0 or more.");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "Limit is between 1 and " + MAX_LIMIT + ".");
		}
	}

}
