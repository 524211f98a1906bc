package com.bookstore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose-dev.yml, checked without a Docker engine: Debian's {@code docker-compose config} validates and
 * normalizes it, and every service, port and environment variable in it must be one the code and the native
 * stack ({@code ./bookstore up}, which the other end-to-end tests run) really use.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Map<String, Integer> SERVICES = Map.of("auth", 9001, "catalog", 9002, "purchase", 9003);

    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void validateAndNormalize() throws Exception {
        Process config = new ProcessBuilder("docker-compose", "-f", "docker-compose-dev.yml", "config")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String normalized = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(config.waitFor()).as("docker-compose config:\n" + normalized).isZero();
        Map<String, Object> file = new Yaml().load(normalized);
        services = (Map<String, Map<String, Object>>) file.get("services");
    }

    @Test
    void theStackIsTheNativeOneInContainers() {
        assertThat(services.keySet())
                .containsExactlyInAnyOrder(
                        "mysql-primary",
                        "mysql-replica",
                        "signing-key",
                        "mail",
                        "auth",
                        "catalog",
                        "purchase",
                        "proxy");
        for (String db : List.of("mysql-primary", "mysql-replica")) {
            assertThat(services.get(db).get("image")).isEqualTo("mysql:8.4");
            assertThat(services.get(db).get("command").toString())
                    .contains("--gtid-mode=ON", "--enforce-gtid-consistency=ON");
            assertThat(services.get(db)).containsKey("healthcheck");
        }
        assertThat(services.get("proxy").get("ports").toString())
                .contains("8443")
                .contains("127.0.0.1");
        // The mail catcher ./bookstore up runs too, the same release; its page published on loopback only.
        assertThat(services.get("mail").get("image")).isEqualTo("maildev/maildev:" + maildevVersion());
        assertThat(services.get("mail").get("ports").toString())
                .contains("127.0.0.1")
                .contains("1080");
        for (String sender : List.of("auth", "purchase")) {
            assertThat(environment(services.get(sender)))
                    .containsEntry("SPRING_MAIL_HOST", "mail")
                    .containsEntry("SPRING_MAIL_PORT", "1025");
        }
        SERVICES.keySet()
                .forEach(service -> assertThat(services.get(service))
                        .as(service + " publishes nothing: nginx is the only way in")
                        .doesNotContainKey("ports"));
    }

    @Test
    void eachServiceIsBuiltFromItsModuleWithItsPortAndReadsTheReplicaAndWritesThePrimary() throws IOException {
        for (var entry : SERVICES.entrySet()) {
            String service = entry.getKey();
            String module = service + "-microservice";
            Map<String, Object> container = services.get(service);
            assertThat(build(container)).isEqualTo(module + "/Dockerfile");
            String dockerfile = Files.readString(ROOT.resolve(module).resolve("Dockerfile"));
            assertThat(dockerfile)
                    .contains("-pl " + module + " ", "target/" + module + "-exec.jar", "EXPOSE " + entry.getValue())
                    .contains("USER bookstore")
                    .containsPattern("FROM eclipse-temurin:(2[1-9]|[3-9][0-9])-jre");
            assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml")))
                    .contains("<classifier>exec</classifier>");
            assertThat(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml")))
                    .contains("${SERVER_PORT:" + entry.getValue() + "}");

            Map<String, String> env = environment(container);
            assertThat(env.get("SERVER_PORT")).isEqualTo(entry.getValue().toString());
            assertThat(env.get("BOOKSTORE_DATASOURCE_WRITER_URL"))
                    .isEqualTo("jdbc:mysql://mysql-primary:3306/" + service);
            assertThat(env.get("BOOKSTORE_DATASOURCE_READERS_0_URL"))
                    .isEqualTo("jdbc:mysql://mysql-replica:3306/" + service);
            assertThat(env.get("BOOKSTORE_DATASOURCE_WRITER_USERNAME")).isEqualTo(service + "_rw");
            assertThat(env.get("BOOKSTORE_DATASOURCE_READERS_0_USERNAME")).isEqualTo(service + "_ro");
            assertThat(env.get("BOOKSTORE_AUTH_URL")).isEqualTo("http://auth:" + SERVICES.get("auth"));
            assertThat(env.get("BOOKSTORE_CATALOG_URL")).isEqualTo("http://catalog:" + SERVICES.get("catalog"));
            assertThat(env.get("BOOKSTORE_SECURITY_INTERNAL_TOKEN"))
                    .as("one token shared by all services")
                    .isEqualTo(environment(services.get("auth")).get("BOOKSTORE_SECURITY_INTERNAL_TOKEN"));
        }
    }

    @Test
    void everyServiceVariableIsOneTheNativeStackSetsAndTheCodeReads() throws IOException {
        String script = Files.readString(ROOT.resolve("bookstore"));
        Set<String> native_ = new TreeSet<>();
        Matcher names = Pattern.compile("\\b((?:BOOKSTORE|SPRING_MAIL)_[A-Z0-9_]*(?:\\$\\{i\\}[A-Z0-9_]*)?)=")
                .matcher(script);
        while (names.find()) {
            native_.add(names.group(1).replace("${i}", "0"));
        }
        // Container-only: nginx reaches the services from another address on the compose network, not loopback.
        native_.addAll(Set.of("SERVER_PORT", "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES"));
        for (String service : SERVICES.keySet()) {
            Set<String> variables = environment(services.get(service)).keySet();
            assertThat(native_).as(service + "'s variables").containsAll(variables);
            for (String variable : variables) {
                if (variable.startsWith("BOOKSTORE_") && !variable.contains("DATASOURCE")) {
                    assertThat(sourcesMention(propertyName(variable)) || sourcesMention(variable.toLowerCase()))
                            .as(variable + " is read by some code")
                            .isTrue();
                }
            }
        }
        String proxyStart = Files.readString(ROOT.resolve("reverse-proxy/container-start.sh"));
        Map<String, String> proxy = environment(services.get("proxy"));
        proxy.keySet().forEach(variable -> assertThat(proxyStart).containsPattern("\\$\\{?" + variable + "\\b"));
        for (var entry : SERVICES.entrySet()) {
            assertThat(proxy.get(entry.getKey().toUpperCase() + "_UPSTREAM"))
                    .isEqualTo(entry.getKey() + ":" + entry.getValue());
        }
        assertThat(build(services.get("proxy"))).isEqualTo("reverse-proxy/Dockerfile");
        assertThat(proxyStart).contains("render.sh");
        assertThat(Files.readString(ROOT.resolve("reverse-proxy/Dockerfile")))
                .as("the image holds every script the entry point calls")
                .contains("nginx.conf.template", "render.sh", "self-signed.sh");
        assertThat(proxyStart).contains("self-signed.sh");
    }

    @Test
    void theReplicaFollowsThePrimaryByGtid() throws IOException {
        String replica = Files.readString(ROOT.resolve("docker/mysql/replica/10-replicate.sh"));
        assertThat(replica)
                .contains("SOURCE_HOST='mysql-primary'", "SOURCE_AUTO_POSITION=1", "START REPLICA", "super_read_only");
        String primary = Files.readString(ROOT.resolve("docker/mysql/primary/10-bookstore.sh"));
        assertThat(primary).contains("for svc in " + String.join(" ", new TreeSet<>(SERVICES.keySet())));
        assertThat(primary).contains("_rw'@'%'", "_ro'@'%'", "GRANT SELECT ON", "REPLICATION SLAVE");
    }

    /**
     * The name a record component gives the property, lower-cased: BOOKSTORE_AUTH_DEMO_ACCOUNTS → "demoaccounts"
     * (the last two words); in a list, the words after the index: ..._KEYS_0_PRIVATE_KEY_LOCATION →
     * "privatekeylocation".
     */
    private static String propertyName(String variable) {
        List<String> parts = List.of(variable.toLowerCase().split("_"));
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (parts.get(i).matches("\\d+")) {
                return String.join("", parts.subList(i + 1, parts.size()));
            }
        }
        return parts.get(parts.size() - 2) + parts.get(parts.size() - 1);
    }

    /** Whether the main sources name it, ignoring case, dashes and underscores (as relaxed binding does). */
    private static boolean sourcesMention(String name) throws IOException {
        String word = name.replace("_", "");
        for (String module :
                List.of("platform", "auth-microservice", "catalog-microservice", "purchase-microservice")) {
            try (var files = Files.walk(ROOT.resolve(module).resolve("src/main"))) {
                boolean found = files.filter(Files::isRegularFile).anyMatch(file -> {
                    try {
                        return Files.readString(file)
                                .toLowerCase()
                                .replace("-", "")
                                .replace("_", "")
                                .contains(word);
                    } catch (IOException e) {
                        return false;
                    }
                });
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, Object> env = (Map<String, Object>) container.get("environment");
        Map<String, String> copy = new TreeMap<>();
        env.forEach((key, value) -> copy.put(key, String.valueOf(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static String build(Map<String, Object> container) {
        Map<String, Object> build = (Map<String, Object>) container.get("build");
        assertThat(Path.of(build.get("context").toString())).isEqualTo(ROOT);
        return build.get("dockerfile").toString();
    }

    private static String maildevVersion() {
        try {
            Matcher version = Pattern.compile("(?m)^MAILDEV_VERSION=(\\S+)$")
                    .matcher(Files.readString(ROOT.resolve("bookstore")));
            assertThat(version.find()).as("MAILDEV_VERSION in ./bookstore").isTrue();
            return version.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
