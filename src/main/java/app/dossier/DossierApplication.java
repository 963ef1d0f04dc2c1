package app.dossier;

import app.dossier.shared.Text;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Dossier: a secure client document portal. Each direct sub-package is an application
 * module; see the README for the map of features to modules.
 */
@Modulithic(systemName = "Dossier", sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class DossierApplication {

	public static void main(String[] args) {
		// On the second core while the first starts the context.
		Thread.ofPlatform().daemon().name("prepare-text").start(Text::prepare);
		SpringApplication.run(DossierApplication.class, args);
	}

}
