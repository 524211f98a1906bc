package com.bookstore.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On AWS the instances start each service with {@code spring.config.import=aws-secretsmanager:<writer>?prefix=
 * bookstore.datasource.writer.,aws-secretsmanager:<reader>?prefix=bookstore.datasource.readers[0].} (see
 * infra/src/main/instance/setup.sh). Here a loopback stand-in for the Secrets Manager API answers GetSecretValue
 * with the JSON the CDK stack generates, and the routing properties must come out whole: that is Spring Cloud AWS
 * doing the work, not code of ours.
 */
class SecretsManagerCredentialsTest {

    private HttpServer secretsManager;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSecretsManager() throws IOException {
        secretsManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secretsManager.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = body.replaceAll("(?s).*\"SecretId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            asked.add(target + " " + id);
            String secret = secrets.get(id);
            byte[] answer;
            int status;
            if ("secretsmanager.GetSecretValue".equals(target) && secret != null) {
                status = 200;
                answer = ("{\"ARN\":\"" + id + "\",\"Name\":\"" + id + "\",\"VersionId\":\"v1\",\"SecretString\":"
                                + quote(secret) + ",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7E9}")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                status = 400;
                answer = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no such secret\"}"
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        secretsManager.start();
    }

    @AfterEach
    void stopSecretsManager() {
        secretsManager.stop(0);
    }

    @Test
    void theWriterAndReaderAccountsComeFromTheirSecrets() {
        String writer = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:Bookstore/catalog/writer-AbCdEf";
        String reader = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:Bookstore/catalog/reader-GhIjKl";
        secrets.put(
                writer,
                "{\"username\":\"catalog_rw\",\"password\":\"w-secret\","
                        + "\"url\":\"jdbc:mysql://writer.example:3306/catalog?sslMode=REQUIRED\"}");
        secrets.put(
                reader,
                "{\"username\":\"catalog_ro\",\"password\":\"r-secret\","
                        + "\"url\":\"jdbc:mysql://reader.example:3306/catalog?sslMode=REQUIRED\"}");

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.config.import=aws-secretsmanager:" + writer + "?prefix=bookstore.datasource.writer.,"
                                + "aws-secretsmanager:" + reader + "?prefix=bookstore.datasource.readers[0].",
                        "--spring.cloud.aws.secretsmanager.enabled=true",
                        "--spring.cloud.aws.secretsmanager.endpoint=http://127.0.0.1:"
                                + secretsManager.getAddress().getPort(),
                        "--spring.cloud.aws.region.static=eu-central-1",
                        "--spring.cloud.aws.credentials.access-key=test",
                        "--spring.cloud.aws.credentials.secret-key=test")) {

            RoutingDataSourceProperties routing = Binder.get(context.getEnvironment())
                    .bind("bookstore.datasource", RoutingDataSourceProperties.class)
                    .get();
            assertThat(routing.writer().url()).isEqualTo("jdbc:mysql://writer.example:3306/catalog?sslMode=REQUIRED");
            assertThat(routing.writer().username()).isEqualTo("catalog_rw");
            assertThat(routing.writer().password()).isEqualTo("w-secret");
            assertThat(routing.readers()).singleElement().satisfies(one -> {
                assertThat(one.url()).isEqualTo("jdbc:mysql://reader.example:3306/catalog?sslMode=REQUIRED");
                assertThat(one.username()).isEqualTo("catalog_ro");
                assertThat(one.password()).isEqualTo("r-secret");
            });
            assertThat(asked)
                    .contains("secretsmanager.GetSecretValue " + writer, "secretsmanager.GetSecretValue " + reader);
        }
    }

    @Test
    void locallyNothingIsImportedAndTheSecretsManagerClientStaysOff() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .run()) {
            assertThat(context.getEnvironment().getProperty("spring.cloud.aws.secretsmanager.enabled"))
                    .isEqualTo("false");
            assertThat(asked).isEmpty();
        }
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @SpringBootConfiguration
    static class Empty {}
}
