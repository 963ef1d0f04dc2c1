package app.dossier.clients;

/** Archived clients keep their files but leave the default list. */
public enum ClientStatus {

	ACTIVE, ARCHIVED

}
