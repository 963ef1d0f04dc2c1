package app.dossier.clients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.dossier.identity.Actor;

/** The staff assigned to a client were replaced by {@code staffNames}. */
public record ClientTeamChanged(UUID firmId, UUID clientId, List<String> staffNames, Actor by, Instant occurredAt) {
}
