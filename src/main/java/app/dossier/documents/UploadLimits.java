package app.dossier.documents;

import java.util.List;

/**
 * What one upload may carry: the largest file, the most files, and the kinds of file
 * ({@link app.dossier.shared.FileTypes} keys) accepted, recognised from the bytes.
 */
public record UploadLimits(long maxFileSize, int maxFiles, List<String> allowedTypes) {
}
