package com.bookstore.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bookstore.testkit.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.bookstore.platform");

    @Test
    void thePlatformKnowsNoService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.bookstore.auth..", "com.bookstore.catalog..", "com.bookstore.purchase..")
                .check(classes);
    }

    @Test
    void commonRulesHold() {
        ArchitectureRules.common().forEach(rule -> rule.check(classes));
    }

    @Test
    void aControllerThatReadsARepositoryFailsTheCommonRules() {
        JavaClasses fixture = new ClassFileImporter().importPackages("com.bookstore.platform.archfixture");
        assertThatThrownBy(() -> ArchitectureRules.common().forEach(rule -> rule.check(fixture)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("controllers are thin")
                .hasMessageContaining("ChattyController");
    }
}
