package com.bookstore.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service commits the OpenAPI document it serves ({@code openapi.json} in its module), so a change of the
 * JSON API shows in review. This compares the served document with the committed one; {@code UPDATE_OPENAPI=true}
 * rewrites the committed file after a deliberate change.
 */
public final class CommittedOpenApi {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CommittedOpenApi() {}

    /** Null when the served document is the committed one, else what to do about it. */
    public static String difference(int port, Path committed) {
        Http.Response served = new Http(port).get("/v3/api-docs");
        if (served.status() != 200) {
            return "GET /v3/api-docs answered " + served.status() + ": " + served.body();
        }
        JsonNode document = JSON.readTree(served.body());
        try {
            if ("true".equals(System.getenv("UPDATE_OPENAPI"))) {
                Files.writeString(committed, JSON.writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n");
                return null;
            }
            if (!Files.exists(committed)) {
                return committed.toAbsolutePath() + " is missing: generate it with UPDATE_OPENAPI=true";
            }
            if (!JSON.readTree(Files.readString(committed)).equals(document)) {
                return "The served OpenAPI document differs from " + committed.toAbsolutePath()
                        + ". If the API change is deliberate, regenerate it with UPDATE_OPENAPI=true and commit it.";
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
