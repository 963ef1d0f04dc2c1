package app.dossier.documents;

/**
 * Where a document's current version stands with the virus scanner. Customers see a
 * document only when it is {@link #NOT_SCANNED} (no scanner configured) or
 * {@link #CLEAN}; nobody can download an {@link #INFECTED} one.
 */
public enum ScanStatus {

	NOT_SCANNED, PENDING, CLEAN, INFECTED;

	public boolean availableToCustomers() {
		return this == NOT_SCANNED || this == CLEAN;
	}

}
