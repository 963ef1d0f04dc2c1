package app.dossier.firms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether anyone may create another firm through the API
 */
@ConfigurationProperties("dossier.signup")
record SignupSettings(boolean enabled) {
}
