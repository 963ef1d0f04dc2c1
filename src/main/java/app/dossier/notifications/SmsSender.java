package app.dossier.notifications;

/** Sends one text message; throws when the provider refuses it. */
public interface SmsSender {

	void send(String to, String text);

}
