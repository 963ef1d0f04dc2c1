package app.dossier.shared;

/** The request carried more than the limit allows; nothing of it was kept. */
public class TooLargeException extends RuntimeException {

	public TooLargeException(String message) {
		super(message);
	}

}
