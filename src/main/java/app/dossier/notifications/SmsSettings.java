package app.dossier.notifications;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dossier.sms.*}: {@code provider} is {@code log} (texts are only logged, the
 * embedded default) or {@code twilio} with an account SID, auth token and sending number.
 */
@ConfigurationProperties("dossier.sms")
record SmsSettings(@DefaultValue("log") String provider, @Nullable String accountSid, @Nullable String authToken,
		@Nullable String from) {
}
