package app.dossier.firms;

import java.util.Locale;

import app.dossier.shared.InvalidInputException;
import app.dossier.shared.Text;

/** Names people type, and the file-safe slug derived from them. */
final class FirmNaming {

	private FirmNaming() {
	}

	static String requireName(String field, String name) {
		String trimmed = name.strip();
		if (trimmed.isEmpty()) {
			throw new InvalidInputException(field, "Enter the firm's name.");
		}
		if (trimmed.length() > 200 || trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException(field, "Use at most 200 characters and no control characters.");
		}
		return trimmed;
	}

	/**
	 * ASCII letters and digits joined by dashes: "Müller & Søn GmbH" becomes
	 * "muller-son-gmbh".
	 */
	static String slugOf(String name) {
		String ascii = Text.ascii(name);
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "firm" : slug;
	}

}
