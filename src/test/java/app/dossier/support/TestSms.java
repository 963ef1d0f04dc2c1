package app.dossier.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import app.dossier.notifications.SmsSender;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Text messages as the provider would receive them, kept for the whole test run. Tests
 * tell their messages apart by phone number, which is unique per test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSms {

	private static final List<Text> SENT = new CopyOnWriteArrayList<>();

	@Bean
	@Primary
	SmsSender recordingSmsSender() {
		return (to, text) -> SENT.add(new Text(to, text));
	}

	public static List<Text> to(String phone) {
		return SENT.stream().filter((text) -> text.to().equals(phone)).toList();
	}

	public record Text(String to, String body) {
	}

}
