package app.dossier.shared;

/** The thing existed but may no longer be used (an expired or already used link). */
public class GoneException extends RuntimeException {

	public GoneException(String message) {
		super(message);
	}

}
