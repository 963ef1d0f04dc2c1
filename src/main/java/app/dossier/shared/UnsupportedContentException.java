package app.dossier.shared;

/**
 * A file's content, as recognised from its bytes, is not a type accepted here; nothing of
 * the upload was kept.
 */
public class UnsupportedContentException extends RuntimeException {

	private final String detectedType;

	public UnsupportedContentException(String message, String detectedType) {
		super(message);
		this.detectedType = detectedType;
	}

	public String detectedType() {
		return this.detectedType;
	}

}
