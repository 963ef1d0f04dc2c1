package app.dossier.identity;

/** What a staff member may do inside their firm. */
public enum Role {

	/** Manages staff, firm settings and sees the audit trail. */
	ADMIN,

	/** Works with clients and their documents. */
	STAFF

}
