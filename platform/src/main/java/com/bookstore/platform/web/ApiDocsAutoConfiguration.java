package com.bookstore.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The head of every service's OpenAPI document (springdoc writes the paths): which service, the bearer JWT the
 * API takes, the site itself as the one server (so the document is the same wherever it is generated), and the
 * problem+json answers every operation may give. springdoc runs in the services' tests only, which compare what it
 * generates with the committed document the running service serves (CommittedApiDocsAutoConfiguration).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.configuration.SpringDocConfiguration")
public class ApiDocsAutoConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI bookstoreOpenApi(@Value("${spring.application.name:bookstore}") String service) {
        return new OpenAPI()
                .info(new Info()
                        .title("Bookstore " + service)
                        .version("1")
                        .description("The JSON API of the " + service + ". Errors are RFC 9457 problem+json; "
                                + "the contract across services is shared/API.md."))
                .servers(List.of(new Server().url("/").description("The site, through nginx")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("ES256 access token from POST /api/auth/login, or the "
                                                + "__Host-access_token cookie of a signed-in browser"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Every operation: a 4xx says what was wrong with the request, a 5xx that the store is at fault. */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            operation
                    .getResponses()
                    .addApiResponse(
                            "4XX",
                            problem("The request was not served as sent; the problem says why "
                                    + "(400 lists the fields in errors; shared/API.md gives each status)."))
                    .addApiResponse(
                            "5XX",
                            problem("The store could not serve it: 503 with Retry-After while a dependency is "
                                    + "unreachable."));
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        Schema<Object> fieldError =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
    }
}
