package app.dossier.links;

/** What the recipient of a link does: send documents in, or take documents away. */
public enum LinkKind {

	UPLOAD, DOWNLOAD

}
