package app.dossier.clients;

import org.jspecify.annotations.Nullable;

/** A contact's details as typed; for a change, null leaves a value as it is. */
public record ContactDetails(@Nullable String name, @Nullable String email, @Nullable String phone,
		@Nullable Boolean smsOptIn) {
}
