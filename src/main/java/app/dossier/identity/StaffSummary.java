package app.dossier.identity;

import java.util.UUID;

/**
 * A staff member as other modules show them; {@code active} is false for the disabled and
 * the invited.
 */
public record StaffSummary(UUID id, String name, String email, boolean active, boolean admin) {
}
