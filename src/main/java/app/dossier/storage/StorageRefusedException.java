package app.dossier.storage;

/**
 * The storage platform refused for a reason that retrying will not mend: the firm's
 * authorisation was revoked, the account is full, the name is not allowed there. To the
 * person waiting it is storage being unavailable (503), with the reason in the message.
 */
public class StorageRefusedException extends app.dossier.shared.UnavailableException {

	private final Reason reason;

	public StorageRefusedException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public StorageRefusedException(Reason reason, String message) {
		super(message, null);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	public enum Reason {

		/** The firm's connection to the platform no longer works. */
		NOT_AUTHORIZED,

		/** The account has no space left. */
		FULL,

		/** The platform does not accept the name. */
		NAME_NOT_ALLOWED

	}

}
