package app.dossier.links;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import app.dossier.documents.UploadLimits;
import app.dossier.shared.InvalidInputException;

/**
 * The kinds of file an upload link accepts, by the content type recognised from the
 * bytes. SVG and HTML are never among them: they can carry script.
 */
enum LinkTypes {

	PDF("PDF", (type) -> type.equals("application/pdf")),

	OFFICE("Office documents",
			(type) -> type.startsWith("application/vnd.openxmlformats-officedocument.")
					|| type.startsWith("application/vnd.oasis.opendocument.") || type.startsWith("application/vnd.ms-")
					|| type.equals("application/msword") || type.equals("application/rtf")
					|| type.equals("application/vnd.apple.pages") || type.equals("application/vnd.apple.numbers")
					|| type.equals("application/vnd.apple.keynote")),

	IMAGE("images", (type) -> type.startsWith("image/") && !type.equals("image/svg+xml")),

	TEXT("plain text", (type) -> type.equals("text/plain")),

	CSV("CSV", (type) -> type.equals("text/csv")),

	VIDEO("video", (type) -> type.startsWith("video/"));

	private final String label;

	private final Predicate<String> matches;

	LinkTypes(String label, Predicate<String> matches) {
		this.label = label;
		this.matches = matches;
	}

	static List<String> defaults() {
		return java.util.Arrays.stream(values()).map(LinkTypes::key).toList();
	}

	/** Public, for the pages: Thymeleaf's expressions call only public methods. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return this.label;
	}

	/** The kinds named, in a fixed order; unknown names are refused. */
	static List<String> parse(List<String> names) {
		Map<LinkTypes, Boolean> chosen = new LinkedHashMap<>();
		for (String name : names) {
			try {
				chosen.put(LinkTypes.valueOf(name.strip().toUpperCase(Locale.ROOT)), true);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("allowedTypes",
						"Allowed types are pdf, office, image, text, csv and video; \"" + name + "\" is not one.");
			}
		}
		if (chosen.isEmpty()) {
			throw new InvalidInputException("allowedTypes", "Allow at least one type of file.");
		}
		return java.util.Arrays.stream(values()).filter(chosen::containsKey).map(LinkTypes::key).toList();
	}

	static UploadLimits.AcceptedTypes accepted(List<String> keys) {
		List<LinkTypes> types = keys.stream().map((key) -> LinkTypes.valueOf(key.toUpperCase(Locale.ROOT))).toList();
		return new UploadLimits.AcceptedTypes() {

			@Override
			public boolean accepts(String mediaType) {
				String type = mediaType.toLowerCase(Locale.ROOT);
				return types.stream().anyMatch((t) -> t.matches.test(type));
			}

			@Override
			public String describe() {
				return LinkTypes.describe(keys);
			}

		};
	}

	/** "PDF, images and video". */
	static String describe(List<String> keys) {
		List<String> labels = new ArrayList<>();
		for (String key : keys) {
			labels.add(LinkTypes.valueOf(key.toUpperCase(Locale.ROOT)).label);
		}
		if (labels.size() == 1) {
			return labels.get(0);
		}
		return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
	}

	/** For the file chooser's accept attribute: a hint, the server judges the bytes. */
	static String acceptAttribute(List<String> keys) {
		List<String> accept = new ArrayList<>();
		for (String key : keys) {
			switch (LinkTypes.valueOf(key.toUpperCase(Locale.ROOT))) {
				case PDF -> accept.add(".pdf,application/pdf");
				case OFFICE -> accept.add(".doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf");
				case IMAGE -> accept.add("image/*,.heic,.heif");
				case TEXT -> accept.add(".txt,text/plain");
				case CSV -> accept.add(".csv,text/csv");
				case VIDEO -> accept.add("video/*");
			}
		}
		return String.join(",", accept);
	}

}
