package app.dossier.identity;

import java.util.List;
import java.util.UUID;

import app.dossier.identity.staff.StaffManagement;
import org.springframework.stereotype.Service;

/** Staff accounts as other modules see them. */
@Service
public class StaffDirectory {

	private final StaffManagement management;

	StaffDirectory(StaffManagement management) {
		this.management = management;
	}

	/**
	 * Creates the first administrator of a new firm, within the caller's transaction.
	 * @throws app.dossier.shared.InvalidInputException for a bad email or password
	 * @throws app.dossier.shared.ConflictException when the address has an account
	 * already
	 */
	public UUID createAdministrator(UUID firmId, String name, String email, String password, Actor by) {
		return this.management.createAdministrator(firmId, name, email, password, by);
	}

	/**
	 * How many people at the firm can sign in, and how many were invited but have not
	 * joined.
	 */
	public TeamSize teamSize(UUID firmId) {
		return this.management.teamSize(firmId);
	}

	/** Everyone at the firm, by name. */
	public List<StaffSummary> members(UUID firmId) {
		return this.management.members(firmId);
	}

}
