package app.dossier.identity.password;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.nulabinc.zxcvbn.StandardDictionaries;

import app.dossier.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, following NIST SP 800-63B: long enough, not absurdly long,
 * no composition rules, and not one that attackers try first.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	private final Set<String> common;

	public PasswordPolicy() {
		this.common = loadCommonPasswords();
	}

	/**
	 * Throws {@link InvalidInputException} on the field {@code password} with a message
	 * for the person choosing it.
	 */
	public void check(String password, String email) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			throw new InvalidInputException("password", "Use at least " + MIN_LENGTH + " characters.");
		}
		if (length > MAX_LENGTH) {
			throw new InvalidInputException("password", "Use at most " + MAX_LENGTH + " characters.");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower) || isRepetition(lower)) {
			throw new InvalidInputException("password",
					"This password is too common and easy to guess. Choose another one.");
		}
		if (lower.equals(email.toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException("password", "Do not use your email address as your password.");
		}
	}

	/** "aaaaaaaaaaaa" or "abcabcabcabc" pass every length rule and no guessing attack. */
	private static boolean isRepetition(String password) {
		for (int unit = 1; unit <= password.length() / 3; unit++) {
			if (password.length() % unit == 0
					&& password.substring(0, unit).repeat(password.length() / unit).equals(password)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> loadCommonPasswords() {
		try {
			return StandardDictionaries.PASSWORDS_LOADER.load()
				.getFrequencies()
				.stream()
				.map((word) -> word.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The bundled common-password list could not be read", ex);
		}
	}

}
