package app.dossier.clients;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A firm's customer. {@code folderName} is null until the client's files are first
 * touched; from then on it never changes, even when the client is renamed.
 */
public record Client(UUID id, UUID firmId, String displayName, @Nullable String email, @Nullable String phone,
		@Nullable String notes, ClientStatus status, @Nullable String folderRoot, @Nullable String folderName,
		@Nullable String storagePlatform, Instant createdAt) {

	Client withDetails(String newName, @Nullable String newEmail, @Nullable String newPhone, @Nullable String newNotes,
			ClientStatus newStatus) {
		return new Client(this.id, this.firmId, newName, newEmail, newPhone, newNotes, newStatus, this.folderRoot,
				this.folderName, this.storagePlatform, this.createdAt);
	}

}
