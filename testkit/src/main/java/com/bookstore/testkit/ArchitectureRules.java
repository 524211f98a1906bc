package com.bookstore.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.stream.Stream;

/** The architecture rules every service checks with ArchUnit, written once. */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("auth", "catalog", "purchase");

    private ArchitectureRules() {}

    /** Rules for the service whose base package is {@code com.bookstore.<service>}. */
    public static List<ArchRule> forService(String service) {
        String[] others = SERVICES.stream()
                .filter(name -> !name.equals(service))
                .map(name -> "com.bookstore." + name + "..")
                .toArray(String[]::new);
        return Stream.concat(
                        Stream.of(noClasses()
                                .that()
                                .resideInAPackage("com.bookstore." + service + "..")
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(others)
                                .because("services talk through their APIs, never through each other's code")),
                        common().stream())
                .toList();
    }

    /**
     * The packages of a module ({@code com.bookstore.<module>.<package>..}) depend on each other one way only: a
     * package that needs another's code is above it, never also below it.
     */
    public static ArchRule packagesFreeOfCycles() {
        return slices().matching("com.bookstore.*.(*)..")
                .should()
                .beFreeOfCycles()
                .because("one room per job: a cycle means two packages are really one, or one is in the wrong place");
    }

    /** Rules that hold for every module, the platform included. A small module may have nothing a rule looks at. */
    public static List<ArchRule> common() {
        return Stream.of(
                        noClasses()
                                .that()
                                .areMetaAnnotatedWith("org.springframework.stereotype.Controller")
                                .should()
                                .dependOnClassesThat()
                                .areMetaAnnotatedWith("org.springframework.stereotype.Repository")
                                .because("controllers are thin: they call a service, which owns the transaction"),
                        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS,
                        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION,
                        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING,
                        packagesFreeOfCycles())
                .map(rule -> rule.allowEmptyShould(true))
                .toList();
    }
}
