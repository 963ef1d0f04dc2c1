package app.dossier.documents;

import org.jspecify.annotations.Nullable;

/**
 * What one upload may carry: the largest file, the most files, and (when set) which types
 * of content, recognised from the bytes, are accepted.
 */
public record UploadLimits(long maxFileSize, int maxFiles, @Nullable AcceptedTypes types) {

	/** A set of content types, such as those a secure link accepts. */
	public interface AcceptedTypes {

		boolean accepts(String mediaType);

		/** For people: "PDF, Office documents and images". */
		String describe();

	}

}
