package app.dossier.storage.drive;

/**
 * Pieces of Drive's search language ({@code q}), with values quoted as Drive requires.
 */
final class DriveQuery {

	static final String FOLDER = "application/vnd.google-apps.folder";

	private DriveQuery() {
	}

	static String inParent(String parentId) {
		return quote(parentId) + " in parents and trashed = false";
	}

	static String named(String parentId, String name) {
		return inParent(parentId) + " and name = " + quote(name);
	}

	static String folderNamed(String parentId, String name) {
		return named(parentId, name) + " and mimeType = " + quote(FOLDER);
	}

	static String filesIn(String parentId) {
		return inParent(parentId) + " and mimeType != " + quote(FOLDER);
	}

	static String uploadedAs(String parentId, String uploadId) {
		return quote(parentId) + " in parents and appProperties has { key=" + quote(DriveStorage.UPLOAD_PROPERTY)
				+ " and value=" + quote(uploadId) + " }";
	}

	/** Single quotes around, backslash before any quote or backslash inside. */
	static String quote(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

}
