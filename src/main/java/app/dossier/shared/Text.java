package app.dossier.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Text folding with ICU: any script to plain ASCII, and the lower-case form that search
 * compares, so "Zoë Müller" is found by "zoe muller" on every database.
 */
public final class Text {

	// Transliterator instances are not documented as thread-safe, so each use locks.
	private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private Text() {
	}

	/**
	 * Builds the transliterator now. Reading ICU's rules takes a few hundred
	 * milliseconds; started on another thread at launch, it is done by the time the first
	 * name needs it instead of delaying start-up (the first firm's name is folded before
	 * the server reports healthy).
	 */
	public static void prepare() {
		ascii("\u00e9");
	}

	/**
	 * The closest plain-ASCII spelling: "Ærøskøbing" → "AEroskobing", "Москва" →
	 * "Moskva".
	 */
	public static String ascii(String value) {
		if (isAscii(value)) {
			// Most names are plain already; the transliterator is slow and shared.
			return value;
		}
		String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
		synchronized (TO_ASCII) {
			return TO_ASCII.transliterate(nfc);
		}
	}

	private static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/** The form names are stored and searched in: ASCII, lower case, single spaces. */
	public static String searchable(String value) {
		return SPACES.matcher(ascii(value).toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
	}

	/**
	 * A LIKE pattern matching the value anywhere, with LIKE's own wildcards escaped
	 * (escape character {@code \}).
	 */
	public static String containsPattern(String query) {
		String folded = searchable(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + folded + "%";
	}

}
