package com.bookstore.platform.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bookstore.platform.routing.RoutingTestApplication.NoteService;
import com.bookstore.platform.routing.RoutingTestApplication.Observation;
import com.bookstore.testkit.DatabaseServer;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing against a real MariaDB primary and two replicas: which server executed each transaction is read inside
 * it ({@code @@server_id}), never taken from the router's own bookkeeping.
 */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(
        classes = RoutingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.datasource.probe-interval=300ms",
            "bookstore.datasource.connect-timeout=1s",
            "bookstore.datasource.writer-wait-timeout=1s",
            "bookstore.datasource.gtid-wait-timeout=300ms",
            "bookstore.datasource.max-replica-lag=60s",
            "bookstore.security.jwks-uri=http://127.0.0.1:9/unused-jwks.json",
            "bookstore.security.revocation-feed-uri=http://127.0.0.1:9/unused-feed"
        })
class ReadWriteRoutingTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(300);
    private static final String TOKEN = "Consistency-Token";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("routing").properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    NoteService notes;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    private final ReplicaSet set = ReplicaSetExtension.replicaSet();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void heal() {
        set.heal();
        // Let the probe see every reader healthy again before the next test.
        await().atMost(Duration.ofSeconds(10)).until(this::allReadersUsable);
    }

    @Test
    void readOnlyTransactionsRunOnReplicasAndReadWriteOnesOnThePrimary() {
        Observation written = notes.write("hello");
        assertThat(written.serverId()).isEqualTo(set.primary().serverId());
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));

        Set<Integer> readers = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Observation read = notes.read(written.id());
            assertThat(read.text()).isEqualTo("hello");
            readers.add(read.serverId());
        }
        assertThat(readers).containsExactlyInAnyOrder(replicaIds().toArray(Integer[]::new));
        assertThat(meters.get("bookstore.db.transactions")
                        .tag("route", "reader")
                        .counter()
                        .count())
                .isPositive();
    }

    @Test
    void aWriteJoiningAReadOnlyTransactionIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> notes.writeInsideRead("must-not-exist"))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("read-only");
        assertThat(set.primary().queryForString("SELECT COUNT(*) FROM routing.notes WHERE text = 'must-not-exist'"))
                .contains("0");
    }

    @Test
    void aRequiresNewWriteInsideAReadOnlyTransactionRunsOnTheWriter() {
        List<Integer> servers = notes.writeInNewTransactionInsideRead("from-inside-a-read");
        assertThat(replicaIds()).contains(servers.get(0));
        assertThat(servers.get(1)).isEqualTo(set.primary().serverId());
    }

    @Test
    void aReadCarryingTheTokenOfAWriteSeesItWhileReplicasLagAndWithoutTheTokenAReplicaServesIt() throws Exception {
        set.replicas().forEach(replica -> set.delay(replica, 30));

        HttpResponse<String> created = post("/notes", "{\"text\":\"fresh\"}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        String token = created.headers().firstValue(TOKEN).orElseThrow();
        assertThat(created.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith(TOKEN + "=" + token)
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        long id = body(created).get("id").asLong();
        // Setting the delay restarts replication on the replicas; the probe sees them back within an interval.
        await().atMost(PROBE_INTERVAL.multipliedBy(4)).until(() -> replicaIds().containsAll(servedBy(id, 4)));

        JsonNode withoutToken = body(get("/notes/" + id, null, null));
        assertThat(replicaIds()).contains(withoutToken.get("serverId").asInt());
        assertThat(withoutToken.get("text").isNull())
                .as("the lagging replica has not applied the write")
                .isTrue();

        JsonNode withHeader = body(get("/notes/" + id, token, null));
        assertThat(withHeader.get("text").asString()).isEqualTo("fresh");

        JsonNode withCookie = body(get("/notes/" + id, null, TOKEN + "=" + token));
        assertThat(withCookie.get("text").asString()).isEqualTo("fresh");
        assertThat(meters.get("bookstore.db.transactions")
                        .tag("route", "fallback")
                        .counter()
                        .count())
                .isPositive();
    }

    @Test
    void aReadWithATokenIsServedByAReplicaThatHasCaughtUp() throws Exception {
        HttpResponse<String> created = post("/notes", "{\"text\":\"caught-up\"}", null);
        String token = created.headers().firstValue(TOKEN).orElseThrow();
        long id = body(created).get("id").asLong();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));

        JsonNode read = body(get("/notes/" + id, token, null));
        assertThat(read.get("text").asString()).isEqualTo("caught-up");
        assertThat(replicaIds()).contains(read.get("serverId").asInt());
    }

    @Test
    void aMalformedTokenIsIgnored() throws Exception {
        HttpResponse<String> response = get("/notes/1", "0-1-1'); DROP TABLE notes; --", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(replicaIds()).contains(body(response).get("serverId").asInt());
    }

    @Test
    void aReplicaThatStoppedApplyingIsSkippedAndWithNoneLeftReadsGoToTheWriter() {
        long id = notes.write("lag").id();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        set.stopSqlThread(set.replica(1));

        await().atMost(PROBE_INTERVAL.multipliedBy(4))
                .until(() -> servedBy(id, 4).equals(Set.of(set.replica(2).serverId())));

        set.stopSqlThread(set.replica(2));
        await().atMost(PROBE_INTERVAL.multipliedBy(4))
                .until(() -> servedBy(id, 4).equals(Set.of(set.primary().serverId())));
    }

    @Test
    void aStoppedReplicaIsSkippedWithinOneProbeIntervalAndNoReadWaitsLongerThanTheConnectTimeout() {
        long id = notes.write("still-readable").id();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));

        set.replica(1).kill();
        long deadline = System.nanoTime() + PROBE_INTERVAL.multipliedBy(3).toNanos();
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            assertThat(notes.read(id).text()).isEqualTo("still-readable");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CONNECT_TIMEOUT.plusMillis(1500));
        }
        assertThat(servedBy(id, 4)).containsOnly(set.replica(2).serverId());

        set.replica(2).kill();
        long started = System.nanoTime();
        Observation read = notes.read(id);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CONNECT_TIMEOUT.plusMillis(1500));
        assertThat(read.text()).isEqualTo("still-readable");
        await().atMost(PROBE_INTERVAL.multipliedBy(4))
                .until(() -> servedBy(id, 4).equals(Set.of(set.primary().serverId())));
    }

    @Test
    void withThePrimaryStoppedAWriteAnswers503AndSucceedsOnceItIsBackWithoutARestart() throws Exception {
        long id = notes.write("before-outage").id();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        set.primary().stop();

        long started = System.nanoTime();
        HttpResponse<String> refused = post("/notes", "{\"text\":\"during-outage\"}", null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).doesNotContain("SQL", "Exception", "at com.");
        assertThat(body(refused).get("type").asString()).isEqualTo("https://bookstore.example/problems/503");
        assertThat(took).isLessThan(CONNECT_TIMEOUT.plusSeconds(3));
        assertThat(notes.read(id).text()).as("reads keep working from replicas").isEqualTo("before-outage");

        set.primary().start();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(post("/notes", "{\"text\":\"after-outage\"}", null)
                                .statusCode())
                        .isEqualTo(201));
    }

    @Test
    void aReplicaKilledUnderARunningReadCostsThatReadARetryElsewhereNotAnError() throws Exception {
        long id = notes.write("survives-a-dying-replica").id();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            String tag = "slow-read-" + System.nanoTime();
            Future<Observation> read = reader.submit(() -> notes.slowRead(id, tag));
            DatabaseServer victim = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (victim == null && System.nanoTime() < deadline) {
                for (DatabaseServer replica : set.replicas()) {
                    if (!"0"
                            .equals(replica.queryForString("SELECT COUNT(*) FROM information_schema.processlist "
                                            + "WHERE info LIKE '%" + tag + "%' AND info NOT LIKE '%processlist%'")
                                    .orElse("0"))) {
                        victim = replica;
                    }
                }
            }
            assertThat(victim).as("the slow read runs on a replica").isNotNull();
            int victimId = victim.serverId();
            victim.kill();

            Observation observed = read.get(10, TimeUnit.SECONDS);
            assertThat(observed.text()).isEqualTo("survives-a-dying-replica");
            assertThat(observed.serverId()).as("served again elsewhere").isNotEqualTo(victimId);
            assertThat(meters.counter("bookstore.db.transactions", "route", "read_retried")
                            .count())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void onceTheWriterIsKnownDownAWriteIsRefusedWithinASecondAndPagesOfReadsGoOn() throws Exception {
        long id = notes.write("before-the-writer-went").id();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        set.primary().kill();
        Thread.sleep(PROBE_INTERVAL.multipliedBy(5).toMillis()); // the writer's probe has seen it go

        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            HttpResponse<String> refused = post("/notes", "{\"text\":\"while-away\"}", null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(body(refused).get("title").asString()).isEqualTo("Read-only for a moment");
            // The writer wait here is 1 s (5 s by default): well under it means no wait at all.
            assertThat(took).as("answered at once, not after the writer wait").isLessThan(Duration.ofMillis(500));
        }
        assertThat(notes.read(id).text()).as("reads go on from the replicas").isEqualTo("before-the-writer-went");

        set.primary().start();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                post("/notes", "{\"text\":\"back\"}", null).statusCode())
                        .isEqualTo(201));
    }

    @Test
    void aRequestThatCommitsManyTimesSendsAtMostTwoConsistencyCookiesNotOneAPerCommit() throws Exception {
        // Other customers write meanwhile, so the writer's position moves between this request's commits.
        ExecutorService others = Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        others.submit(() -> {
            while (busy.get()) {
                notes.write("meanwhile");
            }
            return null;
        });
        try {
            HttpResponse<String> polled = post("/notes/1/polled", "", null);
            assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
            assertThat(polled.headers().allValues("Set-Cookie").stream()
                            .filter(cookie -> cookie.startsWith(TOKEN + "="))
                            .count())
                    .isBetween(1L, 2L);
            assertThat(polled.headers().allValues(TOKEN)).hasSize(1);
        } finally {
            busy.set(false);
            others.shutdown();
        }
    }

    @Test
    void invalidInputIsAProblemDetailNotAServerError() throws Exception {
        HttpResponse<String> response = post("/notes", "{\"text\":\"\"}", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo("text");

        HttpResponse<String> malformed = post("/notes", "{not json", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(body(malformed).get("detail").asString()).isEqualTo("The request body is not valid JSON.");

        HttpResponse<String> wrongType = post("/notes", "{\"text\":{\"nested\":1}}", null);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = body(wrongType).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("text");
        assertThat(error.get("message").asString()).isEqualTo("Must be text.");
    }

    @Test
    void healthListsTheWriterAndEachReader() throws Exception {
        JsonNode health = body(get("/actuator/health", null, null));
        JsonNode routing = health.get("components").get("routingDataSource");
        assertThat(routing.get("status").asString()).isEqualTo("UP");
        assertThat(routing.get("details").get("writer").get("status").asString())
                .isEqualTo("UP");
        assertThat(routing.get("details").get("readers")).hasSize(2);
        assertThat(routing.get("details").get("readers").get(0).get("status").asString())
                .isEqualTo("UP");
    }

    private Set<Integer> servedBy(long id, int reads) {
        Set<Integer> servers = new HashSet<>();
        for (int i = 0; i < reads; i++) {
            servers.add(notes.read(id).serverId());
        }
        return servers;
    }

    private boolean allReadersUsable() throws Exception {
        JsonNode readers = body(get("/actuator/health", null, null))
                .get("components")
                .get("routingDataSource")
                .get("details")
                .get("readers");
        for (JsonNode reader : readers) {
            if (!"UP".equals(reader.get("status").asString())) {
                return false;
            }
        }
        return true;
    }

    private List<Integer> replicaIds() {
        return set.replicas().stream().map(DatabaseServer::serverId).toList();
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header(TOKEN, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header(TOKEN, token);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
