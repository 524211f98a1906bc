package com.bookstore.catalog;

import com.bookstore.testkit.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.bookstore.catalog");

    @Test
    void followsTheServiceArchitectureRules() {
        ArchitectureRules.forService("catalog").forEach(rule -> rule.check(classes));
    }
}
