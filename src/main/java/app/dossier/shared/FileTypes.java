package app.dossier.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The kinds of file Dossier accepts, judged by the content type recognised from a file's
 * bytes. A firm chooses which it accepts from staff and customers, a secure link which it
 * accepts from its recipients. HTML, SVG, scripts and programs belong to no kind, so they
 * are never accepted: they could act when opened.
 */
public enum FileTypes {

	PDF("PDF", (type) -> type.equals("application/pdf")),

	OFFICE("Office documents",
			(type) -> type.startsWith("application/vnd.openxmlformats-officedocument.")
					|| type.startsWith("application/vnd.oasis.opendocument.") || type.startsWith("application/vnd.ms-")
					|| type.equals("application/msword") || type.equals("application/rtf")
					|| type.startsWith("application/x-tika-ooxml") || type.startsWith("application/x-tika-msoffice")
					|| type.startsWith("application/vnd.apple.")),

	IMAGE("images", (type) -> type.startsWith("image/") && !type.equals("image/svg+xml")),

	TEXT("plain text",
			(type) -> (type.startsWith("text/") && !Text.ACTIVE.contains(type) && !Text.TABLES.contains(type))
					|| type.equals("application/xml") || type.equals("application/json")),

	CSV("CSV", Text.TABLES::contains),

	VIDEO("video", (type) -> type.startsWith("video/")),

	AUDIO("audio", (type) -> type.startsWith("audio/")),

	ARCHIVE("archives",
			(type) -> type.equals("application/zip") || type.equals("application/x-7z-compressed")
					|| type.equals("application/x-rar-compressed") || type.equals("application/vnd.rar")
					|| type.equals("application/gzip") || type.equals("application/x-gzip")
					|| type.equals("application/x-tar") || type.equals("application/x-bzip2")),

	EMAIL("emails", (type) -> type.equals("message/rfc822") || type.equals("application/vnd.ms-outlook")),

	OTHER("other files whose type is not recognised", (type) -> type.equals("application/octet-stream"));

	/** What a secure link accepts unless staff choose otherwise. */
	public static final List<String> LINK_DEFAULTS = List.of("pdf", "office", "image", "text", "csv", "video");

	private final String label;

	private final Predicate<String> matches;

	FileTypes(String label, Predicate<String> matches) {
		this.label = label;
		this.matches = matches;
	}

	/** Every kind, as a firm accepts them unless an administrator chooses otherwise. */
	public static List<String> all() {
		return Arrays.stream(values()).map(FileTypes::key).toList();
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return this.label;
	}

	/** The kind a content type belongs to, if any. */
	public static java.util.Optional<FileTypes> of(String mediaType) {
		String type = mediaType.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((kind) -> kind.matches.test(type)).findFirst();
	}

	public static boolean accepts(List<String> keys, String mediaType) {
		return of(mediaType).map((kind) -> keys.contains(kind.key())).orElse(false);
	}

	/**
	 * The kinds named, in a fixed order.
	 * @throws InvalidInputException for an unknown name or none at all
	 */
	public static List<String> parse(String field, List<String> names) {
		Map<FileTypes, Boolean> chosen = new LinkedHashMap<>();
		for (String name : names) {
			try {
				chosen.put(FileTypes.valueOf(name.strip().toUpperCase(Locale.ROOT)), true);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException(field,
						"Types are " + String.join(", ", all()) + "; \"" + name + "\" is not one.");
			}
		}
		if (chosen.isEmpty()) {
			throw new InvalidInputException(field, "Allow at least one type of file.");
		}
		return Arrays.stream(values()).filter(chosen::containsKey).map(FileTypes::key).toList();
	}

	/** "PDF, images and video". */
	public static String describe(List<String> keys) {
		List<String> labels = new ArrayList<>();
		for (String key : keys) {
			labels.add(FileTypes.valueOf(key.toUpperCase(Locale.ROOT)).label);
		}
		if (labels.size() == 1) {
			return labels.get(0);
		}
		return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
	}

	/** For a file chooser's accept attribute: a hint, the server judges the bytes. */
	public static String acceptAttribute(List<String> keys) {
		if (keys.contains(OTHER.key())) {
			return "";
		}
		List<String> accept = new ArrayList<>();
		for (String key : keys) {
			switch (FileTypes.valueOf(key.toUpperCase(Locale.ROOT))) {
				case PDF -> accept.add(".pdf,application/pdf");
				case OFFICE -> accept.add(".doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.pages,.numbers,.key");
				case IMAGE -> accept.add("image/*,.heic,.heif");
				case TEXT -> accept.add(".txt,.md,.xml,.json,text/plain");
				case CSV -> accept.add(".csv,.tsv,text/csv");
				case VIDEO -> accept.add("video/*");
				case AUDIO -> accept.add("audio/*");
				case ARCHIVE -> accept.add(".zip,.7z,.rar,.gz,.tgz,.tar,.bz2");
				case EMAIL -> accept.add(".eml,.msg");
				case OTHER -> {
				}
			}
		}
		return String.join(",", accept);
	}

	private static final class Text {

		/** Text a browser would run or render as a page. */
		static final java.util.Set<String> ACTIVE = java.util.Set.of("text/html", "text/javascript", "text/ecmascript",
				"text/x-javascript", "text/vbscript", "text/x-server-parsed-html");

		static final java.util.Set<String> TABLES = java.util.Set.of("text/csv", "text/tab-separated-values");

	}

}
