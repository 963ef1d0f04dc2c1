package app.dossier.notifications;

/** How often a staff member wants email about one kind of notification. */
public enum Frequency {

	IMMEDIATE, HOURLY, DAILY, OFF

}
