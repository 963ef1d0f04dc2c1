package app.dossier.notifications;

/** What a notification is about. */
public enum Kind {

	/** To staff: a customer uploaded documents (portal or secure link). */
	CUSTOMER_UPLOAD,

	/** To a contact: a new document in something shared with them. */
	NEW_DOCUMENT,

	/** To a contact: a folder or document was shared with them. */
	SHARED,

	/**
	 * To staff: something needs attention at once (a secure link shut after many wrong
	 * codes).
	 */
	ALERT

}
