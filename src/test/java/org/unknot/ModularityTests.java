package org.unknot;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The business modules and their allowed dependencies, verified on every build. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(UnknotApplication.class);

	@Test
	void modulesDependOnEachOtherOnlyThroughTheirApi() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
