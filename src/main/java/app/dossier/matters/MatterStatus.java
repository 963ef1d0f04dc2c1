package app.dossier.matters;

public enum MatterStatus {

	OPEN, CLOSED

}
