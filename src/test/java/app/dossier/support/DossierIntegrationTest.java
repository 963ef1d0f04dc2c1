package app.dossier.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, with its own database and data directory, real
 * SMTP (GreenMail) and a clock tests can move. Self-service signup is on so that each
 * test can create firms of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dossier.signup.enabled=true", "logging.level.app.dossier=DEBUG",
				"dossier.portal.sign-in-requests-per-ip=100000", "dossier.notifications.quiet-period=1s",
				"dossier.notifications.poll-interval=300ms", "dossier.notifications.max-retry-delay=2s" })
@ContextConfiguration(initializers = IsolatedDatabase.class)
@Import({ TestClockConfiguration.class, TestSms.class })
public @interface DossierIntegrationTest {

}
