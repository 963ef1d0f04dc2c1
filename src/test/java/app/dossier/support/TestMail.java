package app.dossier.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import static org.awaitility.Awaitility.await;

/**
 * One real SMTP server (GreenMail) for the whole test run. Tests tell their messages
 * apart by recipient, which is unique per test.
 */
public final class TestMail {

	private static volatile GreenMail SERVER = start(ServerSetupTest.SMTP.dynamicPort());

	private static final int PORT = SERVER.getSmtp().getPort();

	private TestMail() {
	}

	private static GreenMail start(com.icegreen.greenmail.util.ServerSetup setup) {
		GreenMail server = new GreenMail(setup);
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	/** Stops the SMTP server (connections are refused) until {@link #restart()}. */
	public static synchronized void stop() {
		SERVER.stop();
	}

	/** Starts the SMTP server again on the same port; earlier messages are forgotten. */
	public static synchronized void restart() {
		SERVER = start(new com.icegreen.greenmail.util.ServerSetup(PORT, "127.0.0.1", "smtp"));
	}

	public static int port() {
		return PORT;
	}

	public static List<MimeMessage> to(String address) {
		return Arrays.stream(SERVER.getReceivedMessages()).filter((message) -> isTo(message, address)).toList();
	}

	/**
	 * Waits up to ten seconds for a message to the address and returns the latest one.
	 */
	public static MimeMessage awaitMessageTo(String address) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !to(address).isEmpty());
		List<MimeMessage> messages = to(address);
		return messages.get(messages.size() - 1);
	}

	public static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}

	/** The first link in the message that contains the given path fragment. */
	public static String linkIn(MimeMessage message, String pathFragment) {
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = Pattern.compile("https?://[^\\s\"'<>]*" + Pattern.quote(pathFragment) + "[^\\s\"'<>]*")
			.matcher(body);
		if (!matcher.find()) {
			throw new AssertionError("No link containing " + pathFragment + " in: " + body);
		}
		return matcher.group();
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch((r) -> r.toString().contains(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

}
