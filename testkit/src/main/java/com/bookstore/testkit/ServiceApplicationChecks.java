package com.bookstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every service shows once it runs against the replica set, written once: its own schema migrated on the
 * primary and replicated, health UP with the writer and both readers, 401 as problem+json for a stranger, and the
 * committed OpenAPI document served. A service's {@code *ApplicationTest} extends this, starts the application
 * ({@code @SpringBootTest} on a random port) and names its schema, one of its tables and its port.
 */
public abstract class ServiceApplicationChecks {

    private final String schema;
    private final String table;

    protected ServiceApplicationChecks(String schema, String table) {
        this.schema = schema;
        this.table = table;
    }

    /** The port the application under test listens on. */
    protected abstract int port();

    @Test
    void migratesItsOwnSchemaOnThePrimaryAndTheReplicasReceiveIt(ReplicaSet set) {
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        for (DatabaseServer server : set.all()) {
            assertThat(server.queryForString("SELECT COUNT(*) FROM information_schema.tables "
                            + "WHERE table_schema = '" + schema + "' AND table_name = '" + table + "'"))
                    .as(server.name())
                    .contains("1");
        }
    }

    @Test
    void answersItsHealthCheckWithTheWriterAndBothReadersUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "*/*");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("\"DOWN\"");
    }

    @Test
    void anUnauthenticatedRequestIsA401ProblemDetail() throws Exception {
        HttpResponse<String> response = get("/no/such/page", "application/json");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://bookstore.example/problems/401\"", "\"title\"", "\"detail\"");
    }

    @Test
    void servesTheCommittedOpenApiDocumentOfItsJsonApi() {
        assertThat(CommittedOpenApi.difference(port(), Path.of("openapi.json"))).isNull();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                                .header("Accept", accept)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
