package com.bookstore.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    /** Rules that hold for every module, the platform included. A small module may have nothing a rule looks at. */
    public static List<ArchRule> common() {
        return Stream.of(
                        noClasses()
                                .that()
                                .areMetaAnnotatedWith("org.springframework.stereotype.Controller")
                                .should()
                                .dependOnClassesThat()
                                .areAssignableTo("org.springframework.data.repository.Repository")
                                .because("controllers are thin: they call a service, which owns the transaction"),
                        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS,
                        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION,
                        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING)
                .map(rule -> rule.allowEmptyShould(true))
                .toList();
    }
}
