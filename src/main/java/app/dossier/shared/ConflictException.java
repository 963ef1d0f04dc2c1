package app.dossier.shared;

/**
 * The request clashes with the current state (an address already in use, a used link).
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
