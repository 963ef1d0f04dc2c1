package app.dossier.firms;

/**
 * How a firm works with customer files.
 *
 * @param customersRoot the folder under the firm's folder that new client folders go in
 * @param customerUploadsEnabled whether customers may upload through the portal
 * @param newDocumentsVisibleByDefault whether a new document is visible to the customer
 * unless the uploader says otherwise
 * @param maxFileSize the largest file accepted, in bytes
 * @param maxFilesPerUpload the most files accepted in one upload
 * @param maxLinkDays the longest a secure link may stay open, in days
 * @param allowedTypes the kinds of file accepted from staff and customers
 * ({@link app.dossier.shared.FileTypes} keys)
 */
public record FirmSettings(String customersRoot, boolean customerUploadsEnabled, boolean newDocumentsVisibleByDefault,
		long maxFileSize, int maxFilesPerUpload, int maxLinkDays, java.util.List<String> allowedTypes) {
}
