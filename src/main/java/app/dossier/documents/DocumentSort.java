package app.dossier.documents;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import app.dossier.shared.InvalidInputException;

/** How a document list is ordered: by name, created date or last activity, either way. */
public record DocumentSort(Key key, boolean descending) {

	public static final DocumentSort DEFAULT = new DocumentSort(Key.NAME, false);

	public enum Key {

		NAME("search_name"), CREATED("created_at"), ACTIVITY("last_activity_at");

		private final String column;

		Key(String column) {
			this.column = column;
		}

	}

	/**
	 * From the request parameters {@code sort=name|created|activity} and
	 * {@code order=asc|desc}.
	 */
	public static DocumentSort of(@Nullable String sort, @Nullable String order) {
		Key key;
		try {
			key = (sort == null || sort.isBlank()) ? Key.NAME : Key.valueOf(sort.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("sort", "Sort by name, created or activity.");
		}
		if (order != null && !order.isBlank() && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
			throw new InvalidInputException("order", "Order is asc or desc.");
		}
		boolean descending = (order == null || order.isBlank()) ? key != Key.NAME : order.equalsIgnoreCase("desc");
		return new DocumentSort(key, descending);
	}

	public String parameter() {
		return this.key.name().toLowerCase(Locale.ROOT);
	}

	public String order() {
		return this.descending ? "desc" : "asc";
	}

	String orderBy() {
		String direction = this.descending ? " desc" : " asc";
		return this.key.column + direction + ", id" + direction;
	}

}
