package com.bookstore.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.CommittedOpenApi;
import com.bookstore.testkit.DatabaseServer;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthApplicationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("auth").properties().forEach((key, value) -> registry.add(key, () -> value));
        // Every test here registers from loopback; RegistrationLimitTest covers the per-address limit.
        registry.add("bookstore.auth.throttle.registrations-per-address", () -> "100000");
    }

    @LocalServerPort
    int port;

    @Test
    void migratesItsOwnSchemaOnThePrimaryAndTheReplicasReceiveIt(ReplicaSet set) {
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        for (DatabaseServer server : set.all()) {
            assertThat(server.queryForString("SELECT COUNT(*) FROM information_schema.tables "
                            + "WHERE table_schema = 'auth' AND table_name = 'users'"))
                    .as(server.name())
                    .contains("1");
        }
    }

    @Test
    void answersItsHealthCheckWithTheWriterAndBothReadersUp() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("\"DOWN\"");
    }

    @Test
    void anUnauthenticatedRequestIsA401ProblemDetail() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/no/such/page"))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://bookstore.example/problems/401\"", "\"title\"", "\"detail\"");
    }

    @Test
    void servesTheCommittedOpenApiDocumentOfItsJsonApi() {
        assertThat(CommittedOpenApi.difference(port, Path.of("openapi.json"))).isNull();
    }
}
