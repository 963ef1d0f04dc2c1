package app.dossier.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets (sign-in links, invitations, API tokens) and their stored form. A
 * token carries 256 random bits, so a plain SHA-256 is a safe way to store it: nobody can
 * guess its way back, and lookups stay a single indexed equality.
 */
public final class SecretTokens {

	private static final SecureRandom RANDOM = ConcurrentSecureRandom.shared();

	private SecretTokens() {
	}

	/** A new token: an optional readable prefix and 32 random bytes, URL-safe. */
	public static String generate(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The form in which a token is stored and looked up: lowercase hex SHA-256. */
	public static String hash(String token) {
		return sha256Hex(token);
	}

	public static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
