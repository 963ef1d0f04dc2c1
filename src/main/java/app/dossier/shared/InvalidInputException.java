package app.dossier.shared;

import org.jspecify.annotations.Nullable;

/**
 * The request was understood but a value in it is not acceptable; the message is written
 * for the person who typed it.
 */
public class InvalidInputException extends RuntimeException {

	private final @Nullable String field;

	public InvalidInputException(@Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	public @Nullable String field() {
		return this.field;
	}

}
