package org.unknot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** House rules that the compiler does not check. */
class ArchitectureTests {

	// DO_NOT_INCLUDE_TESTS knows only target/test-classes; builds may use another
	// directory (-Dbuild.dir)
	static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(location -> !location.contains("/test-classes/"))
		.importPackages("org.unknot");

	/**
	 * Logs go through SLF4J; only an operator's command prints its answer to the
	 * terminal.
	 */
	@Test
	void writesNothingToStandardStreams() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("org.unknot.system.CommandRunner")
			.should(ACCESS_STANDARD_STREAMS)
			.check(PRODUCTION);
	}

	@Test
	void throwsExceptionsThatSayWhatHappened() {
		NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(PRODUCTION);
	}

	@Test
	void injectsThroughConstructors() {
		NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(PRODUCTION);
	}

	@Test
	void logsThroughSlf4j() {
		NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(PRODUCTION);
	}

	@Test
	void keepsControllersPackagePrivateInWebPackages() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.resideInAPackage("..web..")
			.andShould()
			.notBePublic()
			.allowEmptyShould(true)
			.check(PRODUCTION);
	}

	/** The website module is web through and through: its pages are its purpose. */
	@Test
	void keepsTheDomainFreeOfTheWebLayer() {
		noClasses().that()
			.resideOutsideOfPackages("..web..", "org.unknot.system..", "org.unknot.website..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.web..")
			.check(PRODUCTION);
	}

}
