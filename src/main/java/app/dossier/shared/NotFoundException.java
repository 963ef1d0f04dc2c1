package app.dossier.shared;

/**
 * Nothing with that id exists for the caller. Also the answer for another firm's ids, so
 * that their existence is never revealed.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

	private NotFoundException(String message, boolean verbatim) {
		super(message);
	}

	/** With a whole sentence saying what is gone, rather than "… not found". */
	public static NotFoundException saying(String message) {
		return new NotFoundException(message, true);
	}

}
