package app.dossier.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import app.dossier.shared.ConcurrentSecureRandom;
import app.dossier.shared.SecretTokens;
import app.dossier.shared.ServerKey;
import org.springframework.stereotype.Component;

/**
 * A link's two secrets. The token in its URL is derived from the link's id and a random
 * salt with the server key (256 bits), so staff can copy the link again while the
 * database holds only its hash. The security code is eight characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L, U/V), shown as {@code ABCD-EFGH}, and stored
 * sealed.
 */
@Component
class LinkSecrets {

	static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

	static final int CODE_LENGTH = 8;

	private static final SecureRandom RANDOM = ConcurrentSecureRandom.shared();

	private final ServerKey key;

	LinkSecrets(ServerKey key) {
		this.key = key;
	}

	static String newSalt() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
	}

	String token(Link link) {
		return this.key.mac("link-token", link.id() + ":" + link.tokenSalt());
	}

	static String hash(String token) {
		return SecretTokens.hash(token);
	}

	/** A new code, sealed for storage. */
	String newSealedCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return this.key.seal(code.toString());
	}

	/** The code as people read it: {@code ABCD-EFGH}. */
	String code(Link link) {
		String code = this.key.open(link.codeSealed());
		return code.substring(0, 4) + "-" + code.substring(4);
	}

	/**
	 * Whether what someone typed is the code: case, spaces and dashes do not matter, and
	 * the comparison takes the same time wherever the first difference is.
	 */
	boolean matches(Link link, String typed) {
		if (typed.length() > 64) {
			return false;
		}
		String normalised = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return MessageDigest.isEqual(normalised.getBytes(StandardCharsets.UTF_8),
				this.key.open(link.codeSealed()).getBytes(StandardCharsets.UTF_8));
	}

}
