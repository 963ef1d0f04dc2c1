package app.dossier.firms;

import java.time.Instant;
import java.util.UUID;

import app.dossier.identity.Actor;

/** A firm was created with its first administrator, by setup, signup or bootstrap. */
public record FirmCreated(UUID firmId, String name, UUID adminId, String adminEmail, String how, Actor by,
		Instant occurredAt) {
}
