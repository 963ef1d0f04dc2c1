package app.dossier.documents;

/**
 * How a document arrived: uploaded by staff, by a contact in the portal or through a
 * secure link, or found in storage.
 */
public enum DocumentSource {

	STAFF, PORTAL, LINK, STORAGE

}
