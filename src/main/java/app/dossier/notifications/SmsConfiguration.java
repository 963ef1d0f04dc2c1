package app.dossier.notifications;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the SMS provider from {@code dossier.sms.provider}. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

	@Bean
	SmsSender smsSender(SmsSettings settings) {
		if ("twilio".equalsIgnoreCase(settings.provider())) {
			if (settings.accountSid() == null || settings.authToken() == null || settings.from() == null) {
				throw new IllegalStateException(
						"dossier.sms.provider=twilio needs dossier.sms.account-sid, auth-token and from");
			}
			TwilioRestClient client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken()).build();
			PhoneNumber from = new PhoneNumber(settings.from());
			return (to, text) -> new MessageCreator(new PhoneNumber(to), from, text).create(client);
		}
		// The embedded default: texts are logged (without their body, which may name
		// documents).
		return (to, text) -> log.info("Text message to {} not sent: no SMS provider configured ({} characters)",
				mask(to), text.length());
	}

	static String mask(String phone) {
		return (phone.length() <= 4) ? "****" : "****" + phone.substring(phone.length() - 4);
	}

}
