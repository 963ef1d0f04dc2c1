package app.dossier.clients;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.EmailAddresses;
import app.dossier.shared.InvalidInputException;

/** The rules for what people type about clients and contacts. */
final class Checks {

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]{5,30}");

	private Checks() {
	}

	static String name(String field, @Nullable String value, int max) {
		String trimmed = (value != null) ? value.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidInputException(field, "Enter a name.");
		}
		if (trimmed.length() > max || trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException(field, "Use at most " + max + " characters and no control characters.");
		}
		return trimmed;
	}

	static @Nullable String optionalEmail(String field, @Nullable String value) {
		return blank(value) ? null : EmailAddresses.require(field, value);
	}

	static @Nullable String optionalPhone(String field, @Nullable String value) {
		if (blank(value)) {
			return null;
		}
		String trimmed = value.strip();
		if (!PHONE.matcher(trimmed).matches() || trimmed.chars().filter(Character::isDigit).count() < 5) {
			throw new InvalidInputException(field,
					"Enter a phone number using digits, spaces and + ( ) - only, such as +44 20 7946 0000.");
		}
		return trimmed;
	}

	static @Nullable String optionalText(String field, @Nullable String value, int max) {
		if (blank(value)) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			throw new InvalidInputException(field, "Use at most " + max + " characters.");
		}
		return trimmed;
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
