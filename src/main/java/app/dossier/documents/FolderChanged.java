package app.dossier.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import app.dossier.identity.Actor;

/** A folder was created, renamed or deleted; {@code oldName} is set for renames. */
public record FolderChanged(UUID firmId, UUID clientId, UUID folderId, String name, @Nullable String oldName,
		Change change, Actor by, Instant occurredAt) {

	public enum Change {

		CREATED, RENAMED, DELETED

	}

}
