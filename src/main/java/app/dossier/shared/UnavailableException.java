package app.dossier.shared;

/**
 * A component the request needs (storage, for one) failed; nothing was changed and the
 * caller may try again.
 */
public class UnavailableException extends RuntimeException {

	public UnavailableException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
		super(message, cause);
	}

}
