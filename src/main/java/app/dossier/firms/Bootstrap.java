package app.dossier.firms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.dossier.identity.Actor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first firm from the environment at start-up. Incomplete or invalid values
 * stop the start with a message saying what to fix, rather than starting half set up.
 */
@Component
class Bootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

	private final BootstrapSettings settings;

	private final FirmOnboarding onboarding;

	private final Firms firms;

	Bootstrap(BootstrapSettings settings, FirmOnboarding onboarding, Firms firms) {
		this.settings = settings;
		this.onboarding = onboarding;
		this.firms = firms;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.settings.requested() || this.firms.anyExists()) {
			return;
		}
		if (!this.settings.complete()) {
			throw new IllegalStateException("Set all of DOSSIER_BOOTSTRAP_FIRM_NAME, DOSSIER_BOOTSTRAP_ADMIN_EMAIL"
					+ " and DOSSIER_BOOTSTRAP_ADMIN_PASSWORD, or none of them");
		}
		try {
			Firm firm = this.onboarding.setUp(
					new FirmOnboarding.NewFirm(this.settings.firmName(), this.settings.adminName(),
							this.settings.adminEmail(), this.settings.adminPassword()),
					"bootstrap", Actor.anonymous("local"));
			log.info("Created firm \"{}\" with administrator {} from the bootstrap settings", firm.name(),
					this.settings.adminEmail());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The bootstrap settings were refused: " + ex.getMessage(), ex);
		}
	}

}
