package com.bookstore.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.AwsStandIn;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private AwsStandIn aws;

    @BeforeEach
    void startSecretsManager() throws IOException {
        aws = new AwsStandIn(
                new InetSocketAddress("127.0.0.1", 0),
                secrets,
                Files.createTempDirectory("s3"),
                Files.createTempFile("signals", ".log"),
                "eu-central-1");
    }

    @AfterEach
    void stopSecretsManager() {
        aws.close();
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
                        "--spring.cloud.aws.secretsmanager.endpoint=http://127.0.0.1:" + aws.port(),
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
            assertThat(aws.secretRequests())
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
            assertThat(aws.secretRequests()).isEmpty();
        }
    }

    @SpringBootConfiguration
    static class Empty {}
}
