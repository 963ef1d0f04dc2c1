package app.dossier.firms;

import java.text.Normalizer;
import java.util.Locale;

import app.dossier.shared.InvalidInputException;

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
	 * Latin letters that carry no combining mark, so decomposition alone would drop them.
	 */
	private static final String[][] UNDECOMPOSABLE = { { "ø", "o" }, { "Ø", "O" }, { "æ", "ae" }, { "Æ", "AE" },
			{ "œ", "oe" }, { "Œ", "OE" }, { "ß", "ss" }, { "ł", "l" }, { "Ł", "L" }, { "đ", "d" }, { "Đ", "D" },
			{ "þ", "th" }, { "Þ", "TH" }, { "ð", "d" }, { "ı", "i" } };

	/**
	 * ASCII letters and digits joined by dashes: "Müller & Søn GmbH" becomes
	 * "muller-son-gmbh".
	 */
	static String slugOf(String name) {
		String latin = name;
		for (String[] pair : UNDECOMPOSABLE) {
			latin = latin.replace(pair[0], pair[1]);
		}
		String ascii = Normalizer.normalize(latin, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "firm" : slug;
	}

}
