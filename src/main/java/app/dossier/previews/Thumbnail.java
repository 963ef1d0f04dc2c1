package app.dossier.previews;

/** A rendered preview: JPEG bytes and their size in pixels. */
public record Thumbnail(byte[] jpeg, int width, int height) {
}
