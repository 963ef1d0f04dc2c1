package app.dossier;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(DossierApplication.class);

	@Test
	void modulesOnlyUseEachOthersApiAndHaveNoCycles() {
		this.modules.verify();
	}

	@Test
	void theExpectedModulesExist() {
		assertThat(this.modules.stream().map((module) -> module.getIdentifier().toString())).contains("identity",
				"firms", "audit", "mail", "web", "shared");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
