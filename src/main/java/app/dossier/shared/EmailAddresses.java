package app.dossier.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling per address, so lookups and uniqueness do not depend on how it was typed.
 */
public final class EmailAddresses {

	// Deliberately plain: one @, no spaces or controls, a dot in the domain. The real
	// test is
	// that mail arrives; this only keeps obvious typos and header tricks out.
	private static final Pattern PLAUSIBLE = Pattern
		.compile("^[^@\\s\\p{Cntrl}<>,;\"]+@[^@\\s\\p{Cntrl}<>,;\"]+\\.[^@\\s\\p{Cntrl}<>,;\"]+$");

	private EmailAddresses() {
	}

	public static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/** The normalised address, or {@link InvalidInputException} on {@code field}. */
	public static String require(String field, String email) {
		String normalized = normalize(email);
		if (normalized.length() > 320 || !PLAUSIBLE.matcher(normalized).matches()) {
			throw new InvalidInputException(field, "Enter a valid email address, such as name@example.com.");
		}
		return normalized;
	}

}
