package app.dossier.storage;

/**
 * Bytes received but not yet filed. {@code head} holds the first few kilobytes, enough to
 * recognise the file type without reading it again.
 */
public record StagedFile(String handle, long size, String sha256, byte[] head) {
}
