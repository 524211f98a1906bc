package com.bookstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

class CommittedApiDocsAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CommittedApiDocsAutoConfiguration.class));

    @Test
    void aRunningServiceWithoutSpringdocServesTheDocumentPackedInItsJar() throws Exception {
        runner.withClassLoader(new FilteredClassLoader("org.springdoc")).run(context -> {
            var response = context.getBean(CommittedApiDocument.class).document();
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
            assertThat(response.getBody().getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo(new ClassPathResource(CommittedApiDocsAutoConfiguration.DOCUMENT)
                            .getContentAsString(StandardCharsets.UTF_8))
                    .contains("\"openapi\"");
        });
    }

    @Test
    void backsOffWhereSpringdocGeneratesTheDocumentThatIsInTheTests() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CommittedApiDocument.class));
    }

    @Test
    void backsOffInAJarWithoutADocument() {
        Predicate<String> springdocOrTheDocument =
                name -> name.startsWith("org.springdoc") || name.equals(CommittedApiDocsAutoConfiguration.DOCUMENT);
        runner.withClassLoader(new FilteredClassLoader(springdocOrTheDocument))
                .run(context -> assertThat(context).doesNotHaveBean(CommittedApiDocument.class));
    }
}
