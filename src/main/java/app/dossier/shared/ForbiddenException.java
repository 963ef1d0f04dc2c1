package app.dossier.shared;

/** The caller is known but may not do this. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
