package app.dossier.storage;

/**
 * The bearer tokens of a firm's connection to its own storage account (Dropbox, Google
 * Drive). Tokens are short-lived; the connection renews them with its refresh token.
 */
public interface AccessTokens {

	/** A token that was valid when last known. */
	String current();

	/**
	 * A fresh token, after the platform refused {@code refused} as expired.
	 * @throws StorageRefusedException with {@code NOT_AUTHORIZED} when the connection no
	 * longer works (the person revoked it), after telling the firm's administrators
	 */
	String renew(String refused);

}
