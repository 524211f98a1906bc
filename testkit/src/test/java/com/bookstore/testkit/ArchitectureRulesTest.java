package com.bookstore.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bookstore.cyclic.lower.BackImport;
import com.bookstore.cyclic.lower.Lower;
import com.bookstore.cyclic.upper.Upper;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

    @Test
    void packagesThatDependOneWayPass() {
        assertThatCode(() -> ArchitectureRules.packagesFreeOfCycles()
                        .check(new ClassFileImporter().importClasses(Upper.class, Lower.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void aDeliberateBackImportFailsTheCycleRule() {
        assertThatThrownBy(() -> ArchitectureRules.packagesFreeOfCycles()
                        .check(new ClassFileImporter().importClasses(Upper.class, Lower.class, BackImport.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("upper")
                .hasMessageContaining("lower");
    }
}
