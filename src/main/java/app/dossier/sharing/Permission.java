package app.dossier.sharing;

/** What a contact may do with a shared folder or document. */
public enum Permission {

	VIEW, VIEW_UPLOAD;

	Permission max(Permission other) {
		return (this == VIEW_UPLOAD || other == VIEW_UPLOAD) ? VIEW_UPLOAD : VIEW;
	}

}
