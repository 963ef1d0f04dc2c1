package app.dossier.clients;

import org.jspecify.annotations.Nullable;

/**
 * A client's details as typed: for a new client all but the name may be null; for a
 * change, null leaves a value as it is and an empty string clears it.
 */
public record ClientDetails(@Nullable String displayName, @Nullable String email, @Nullable String phone,
		@Nullable String notes, @Nullable ClientStatus status) {
}
