package org.unknot;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The business modules and their allowed dependencies, verified on every build. */
class ModularityTests {

	/**
	 * Test classes are not part of any module (the default only knows
	 * target/test-classes; see -Dbuild.dir).
	 */
	static final DescribedPredicate<JavaClass> TESTS = DescribedPredicate.describe("test classes",
			type -> type.getSource()
				.map(source -> source.getUri().toString().contains("/test-classes/"))
				.orElse(false));

	static final ApplicationModules MODULES = ApplicationModules.of(UnknotApplication.class, TESTS);

	@Test
	void modulesDependOnEachOtherOnlyThroughTheirApi() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
