package app.dossier.firms;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

/** An admin changed a firm setting. */
public record FirmSettingsChanged(UUID firmId, String setting, String oldValue, String newValue, Actor by,
		Instant occurredAt) {
}
