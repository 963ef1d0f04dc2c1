package app.dossier.storage;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import app.dossier.shared.Text;

/**
 * Names people type turned into names that are safe on every file system: no path
 * separators or traversal, no control or direction-changing characters, no names Windows
 * reserves, and a sensible length.
 */
public final class FileNames {

	public static final int MAX_FOLDER_NAME = 80;

	/** In UTF-8 bytes: most file systems allow 255, and a suffix may still be added. */
	public static final int MAX_FILE_NAME = 200;

	public static final int MAX_DISPLAY_NAME = 255;

	private static final int MAX_EXTENSION = 20;

	private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
			"com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
			"lpt9");

	// Control characters (Cc) and invisible formatting ones (Cf), which include the
	// right-to-left override that makes "invoice‮fdp.exe" look like a PDF.
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

	private static final Pattern NOT_FOLDER_SAFE = Pattern.compile("[^A-Za-z0-9 _.\\-]");

	private static final Pattern NOT_FILE_SAFE = Pattern.compile("[/\\\\:*?\"<>|]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern NOT_PLAIN = Pattern.compile("[^A-Za-z0-9 ._()\\-]");

	private FileNames() {
	}

	/**
	 * The name shown to people: the last path segment of what the browser or client sent
	 * (some send a full path), without invisible characters. Empty if nothing is left.
	 */
	public static String displayName(String original) {
		String name = Normalizer.normalize(original, Normalizer.Form.NFC);
		name = INVISIBLE.matcher(name).replaceAll("");
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = SPACES.matcher(name).replaceAll(" ").strip();
		if (name.equals(".") || name.equals("..")) {
			return "";
		}
		return keepingExtension(name, MAX_DISPLAY_NAME);
	}

	/** Shortens an over-long name in its base, so "report….pdf" stays a PDF. */
	private static String keepingExtension(String name, int max) {
		if (name.length() <= max) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= MAX_EXTENSION + 1) ? name.substring(dot) : "";
		return truncate(name.substring(0, name.length() - extension.length()), max - extension.length()) + extension;
	}

	/** The stored file name for a display name: readable, but safe everywhere. */
	public static String fileName(String displayName) {
		String name = NOT_FILE_SAFE.matcher(displayName(displayName)).replaceAll("_");
		name = trimDotsAndSpaces(name);
		if (name.isEmpty()) {
			name = "file";
		}
		int dot = name.lastIndexOf('.');
		String base = (dot > 0) ? name.substring(0, dot) : name;
		String extension = (dot > 0 && name.length() - dot <= MAX_EXTENSION + 1) ? name.substring(dot) : "";
		if (dot > 0 && extension.isEmpty()) {
			base = name;
		}
		if (isReserved(base)) {
			base = "_" + base;
		}
		return trimDotsAndSpaces(truncateBytes(base, MAX_FILE_NAME - bytes(extension))) + extension;
	}

	/**
	 * A plainer file name, for a platform that refused {@link #fileName}'s: ASCII
	 * letters, digits, spaces and {@code ._()-} only, and an underscore in front, which
	 * also takes it off the platforms' lists of reserved names ("desktop.ini").
	 */
	public static String plainFileName(String fileName) {
		String name = NOT_PLAIN.matcher(Text.ascii(fileName)).replaceAll("_");
		return "_" + fileName(name.isEmpty() ? "file" : name);
	}

	/**
	 * A folder name for a client: plain ASCII letters, digits, space, "-", "_" and ".",
	 * at most 80 characters; "client" if nothing usable is left.
	 */
	public static String folderName(String displayName) {
		String name = NOT_FOLDER_SAFE.matcher(Text.ascii(displayName)).replaceAll(" ");
		name = trimDotsAndSpaces(SPACES.matcher(name).replaceAll(" "));
		name = trimDotsAndSpaces(truncate(name, MAX_FOLDER_NAME));
		if (name.isEmpty()) {
			return "client";
		}
		String base = (name.indexOf('.') > 0) ? name.substring(0, name.indexOf('.')) : name;
		return isReserved(base.strip()) ? "_" + truncate(name, MAX_FOLDER_NAME - 1) : name;
	}

	/**
	 * The n-th candidate for a folder name: "Jane Doe", "Jane Doe-2", … within 80
	 * characters.
	 */
	public static String numberedFolder(String folderName, int n) {
		if (n <= 1) {
			return folderName;
		}
		String suffix = "-" + n;
		return trimDotsAndSpaces(truncate(folderName, MAX_FOLDER_NAME - suffix.length())) + suffix;
	}

	/** The n-th candidate for a file name: "a.pdf", "a (2).pdf", "a (3).pdf", … */
	public static String numbered(String fileName, int n) {
		if (n <= 1) {
			return fileName;
		}
		int dot = fileName.lastIndexOf('.');
		String base = (dot > 0) ? fileName.substring(0, dot) : fileName;
		String extension = (dot > 0) ? fileName.substring(dot) : "";
		String suffix = " (" + n + ")";
		return truncateBytes(base, MAX_FILE_NAME - bytes(extension) - suffix.length()) + suffix + extension;
	}

	/**
	 * A customers-root folder name as an administrator typed it, if it is acceptable as
	 * is.
	 */
	public static boolean isSafeFolderName(String name) {
		return !name.isEmpty() && folderName(name).equals(name);
	}

	private static int bytes(String value) {
		return value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
	}

	/** Cuts to at most {@code max} UTF-8 bytes, at a character boundary. */
	private static String truncateBytes(String value, int max) {
		if (bytes(value) <= max) {
			return value;
		}
		int used = 0;
		int end = 0;
		while (end < value.length()) {
			int codePoint = value.codePointAt(end);
			int size = bytes(new String(Character.toChars(codePoint)));
			if (used + size > max) {
				break;
			}
			used += size;
			end += Character.charCount(codePoint);
		}
		return value.substring(0, end);
	}

	private static boolean isReserved(String base) {
		return RESERVED.contains(base.toLowerCase(Locale.ROOT));
	}

	private static String trimDotsAndSpaces(String name) {
		int start = 0;
		int end = name.length();
		while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
			start++;
		}
		while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
			end--;
		}
		return name.substring(start, end);
	}

	/** Cuts to at most {@code max} characters without splitting a surrogate pair. */
	private static String truncate(String value, int max) {
		if (value.length() <= max) {
			return value;
		}
		int end = max;
		if (Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end);
	}

}
