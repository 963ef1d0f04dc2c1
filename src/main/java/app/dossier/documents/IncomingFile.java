package app.dossier.documents;

import app.dossier.storage.StagedFile;

/** A received file, staged in storage, with the name it was sent with. */
public record IncomingFile(String displayName, StagedFile staged) {
}
