package app.dossier.notifications;

public enum Channel {

	EMAIL, SMS

}
