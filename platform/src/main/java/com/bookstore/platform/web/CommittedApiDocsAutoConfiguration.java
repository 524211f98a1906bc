package com.bookstore.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The running service serves its OpenAPI document as committed ({@code openapi.json} beside its pom, packed into
 * the jar under {@value #DOCUMENT}) at {@code /v3/api-docs}, on its own port (nginx does not route it). springdoc
 * generates that document in the service's tests, which fail when it differs from the committed file
 * ({@code CommittedOpenApi}), so the file is what springdoc would serve; where springdoc is on the classpath (the
 * tests) it serves the document itself and this backs off. Running springdoc in every service cost ~1,085 classes
 * (springdoc, swagger-core and the Jackson 2 they bring) and ~8 MB of metaspace, symbols and class space for a
 * document that never changes between builds.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnMissingClass("org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnResource(resources = "classpath:" + CommittedApiDocsAutoConfiguration.DOCUMENT)
public class CommittedApiDocsAutoConfiguration {

    static final String DOCUMENT = "META-INF/api-docs/openapi.json";

    @Bean
    CommittedApiDocument committedApiDocument() {
        return new CommittedApiDocument();
    }
}
