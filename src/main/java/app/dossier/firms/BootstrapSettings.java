package app.dossier.firms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first firm and administrator for a headless install, from
 * {@code DOSSIER_BOOTSTRAP_*}. Used only while no firm exists.
 */
@ConfigurationProperties("dossier.bootstrap")
record BootstrapSettings(String firmName, String adminName, String adminEmail, String adminPassword) {

	boolean requested() {
		return !this.firmName.isBlank() || !this.adminEmail.isBlank() || !this.adminPassword.isBlank();
	}

	boolean complete() {
		return !this.firmName.isBlank() && !this.adminEmail.isBlank() && !this.adminPassword.isBlank();
	}

	@Override
	public String toString() {
		return "BootstrapSettings[firmName=" + this.firmName + ", adminEmail=" + this.adminEmail + "]";
	}

}
