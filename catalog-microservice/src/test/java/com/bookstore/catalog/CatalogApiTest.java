package com.bookstore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.platform.consistency.ConsistencyToken;
import com.bookstore.testkit.DatabaseServer;
import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSet;
import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.TestIsbns;
import com.bookstore.testkit.TestTokens;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The public and staff catalog API over HTTP, against the real primary and replicas. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogApiTest {

    static final TestTokens TOKENS = TestTokens.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("catalog").properties().forEach((key, value) -> registry.add(key, () -> value));
        TOKENS.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("bookstore.search.sweep-interval", () -> "2s");
    }

    @AfterAll
    static void stopTokens() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    private Http http;
    private final String admin = "Bearer " + TOKENS.admin(1);
    private final String customer = "Bearer " + TOKENS.customer(2);

    @BeforeEach
    void client() {
        http = Http.readingItsWrites(port);
    }

    @Test
    void fullTextSearchFindsBooksByTitleAuthorAndDescriptionWithTotalsAcrossPages() {
        String marker = marker();
        for (int i = 0; i < 25; i++) {
            create(book(
                    "Volume " + i + " of the " + marker + " saga",
                    "Ann Writer",
                    "Fiction",
                    "10.00",
                    3,
                    "A story about lighthouses."));
        }
        String authorWord = marker() + "son";
        create(book("An Unrelated Title", "Mary " + authorWord, "Fiction", "12.00", 1, "Nothing special."));
        String describedWord = marker() + "ology";
        create(book("Another Title", "Jo Doe", "Science", "14.00", 1, "The study of " + describedWord + " in depth."));

        Set<Long> seen = new HashSet<>();
        for (int page = 0; page < 3; page++) {
            JsonNode result =
                    http.get("/api/books?q=" + marker + "&size=10&page=" + page).json();
            assertThat(result.get("totalItems").asLong()).isEqualTo(25);
            assertThat(result.get("totalPages").asInt()).isEqualTo(3);
            assertThat(result.get("items")).hasSize(page < 2 ? 10 : 5);
            result.get("items").forEach(item -> seen.add(item.get("id").asLong()));
        }
        assertThat(seen).as("no book twice across pages").hasSize(25);
        assertThat(http.get("/api/books?q=" + authorWord)
                        .json()
                        .get("items")
                        .get(0)
                        .get("author")
                        .asString())
                .isEqualTo("Mary " + authorWord);
        assertThat(http.get("/api/books?q=" + describedWord)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(http.get("/api/books?q=" + marker.substring(0, 5))
                        .json()
                        .get("totalItems")
                        .asLong())
                .as("a word prefix matches too")
                .isGreaterThanOrEqualTo(25);
    }

    @Test
    void searchHasAStaffChangeAtOnceForgivesTyposAndSuggestsWhileTyping() {
        String word = marker(); // nine letters: two typos allowed
        long id = create(book("The " + word + " affair", "Ann Writer", "Mystery", "9.00", 1, "d"))
                .get("id")
                .asLong();
        assertThat(ids("/api/books?q=" + word))
                .as("found at once by its author")
                .contains(id);
        String typo = word.substring(0, 3) + word.charAt(4) + word.charAt(3) + word.substring(5, 8); // swap, drop
        assertThat(ids("/api/books?q=" + typo + "+"))
                .as("with two typos (" + typo + ")")
                .contains(id);
        assertThat(ids("/api/books?q=" + word.substring(0, 5)))
                .as("the start of the word")
                .contains(id);
        JsonNode suggestions =
                http.get("/api/books/suggest?q=" + word.substring(0, 6)).json();
        assertThat(suggestions.findValuesAsString("text")).contains("The " + word + " affair");
        List<Long> suggestedIds = new ArrayList<>();
        suggestions.findValues("bookId").forEach(bookId -> suggestedIds.add(bookId.asLong()));
        assertThat(suggestedIds).contains(id);

        assertThat(http.delete("/api/books/" + id, "Authorization", admin).status())
                .isEqualTo(204);
        assertThat(ids("/api/books?q=" + word)).as("gone from search at once").doesNotContain(id);
        for (String odd : List.of("%00", "%22%5C", "c%2B%2B", "o%27reilly", "%F0%9F%92%A5", "*%3F~", "AND+OR+NOT")) {
            Http.Response answer = http.get("/api/books?q=" + odd);
            assertThat(answer.status()).as(odd).isEqualTo(200);
            assertThat(http.get("/api/books/suggest?q=" + odd).status()).as(odd).isEqualTo(200);
        }
    }

    @Test
    void genreCountsFollowTheSearchAndItsFiltersButNotTheGenreItself() {
        String word = marker();
        create(book("The " + word + " garden", "G. Reen", "Fiction", "10.00", 1, "d"));
        create(book("A " + word + " history", "G. Reen", "History", "30.00", 1, "d"));
        create(book("More " + word + " history", "G. Reen", "History", "31.00", 0, "d"));

        assertThat(genres("/api/genres?q=" + word)).containsExactly("Fiction=1", "History=2");
        assertThat(genres("/api/genres?q=" + word + "&genre=Fiction"))
                .as("the chosen genre does not hide the others")
                .containsExactly("Fiction=1", "History=2");
        assertThat(genres("/api/genres?q=" + word + "&inStock=true&minPrice=20"))
                .containsExactly("History=1");
        assertThat(genres("/api/genres"))
                .as("no words: the whole catalog")
                .contains("Fiction=" + wholeCatalog("Fiction"));
        assertThat(http.get("/api/genres?minPrice=-1").status()).isEqualTo(400);
    }

    private List<String> genres(String path) {
        List<String> counts = new ArrayList<>();
        http.get(path)
                .json()
                .forEach(g -> counts.add(
                        g.get("genre").asString() + "=" + g.get("count").asLong()));
        return counts;
    }

    private long wholeCatalog(String genre) {
        return http.get("/api/books?size=1&genre=" + genre)
                .json()
                .get("totalItems")
                .asLong();
    }

    private List<Long> ids(String path) {
        return ids(http.get(path).json());
    }

    @Test
    void filtersAndSortsCombine() {
        String genre = "Genre-" + marker();
        create(book("Cheap " + genre, "A", genre, "5.00", 4, "x"));
        create(book("Middle " + genre, "B", genre, "15.00", 0, "x"));
        create(book("Dear " + genre, "C", genre, "25.00", 2, "x"));
        create(book("Dearest " + genre, "D", genre, "45.00", 9, "x"));

        JsonNode result = http.get("/api/books?genre=" + genre + "&minPrice=10&maxPrice=50&inStock=true&sort=-price")
                .json();
        assertThat(result.get("totalItems").asLong()).isEqualTo(2);
        assertThat(result.get("items").get(0).get("price").asString()).isEqualTo("45.00");
        assertThat(result.get("items").get(1).get("price").asString()).isEqualTo("25.00");

        JsonNode byPrice = http.get("/api/books?genre=" + genre + "&sort=price").json();
        List<String> prices = new ArrayList<>();
        byPrice.get("items").forEach(item -> prices.add(item.get("price").asString()));
        assertThat(prices).containsExactly("5.00", "15.00", "25.00", "45.00");

        JsonNode genres = http.get("/api/genres").json();
        assertThat(genres.findValuesAsString("genre")).contains(genre);
    }

    @Test
    void badQueriesAre400NotErrors() {
        assertThat(http.get("/api/books?size=500").status()).isEqualTo(400);
        assertThat(http.get("/api/books?page=-1").status()).isEqualTo(400);
        assertThat(http.get("/api/books?sort=evil").status()).isEqualTo(400);
        assertThat(http.get("/api/books?minPrice=abc").status()).isEqualTo(400);
        assertThat(http.get("/api/books?minPrice=20&maxPrice=10").status()).isEqualTo(400);
        assertThat(http.get("/api/books?q=%22%2B%2B%40%3C%3E()~*").status()).isEqualTo(200);
        assertThat(http.get("/api/books/999999999").status()).isEqualTo(404);
        assertThat(http.get("/api/books/abc").status()).isEqualTo(400);
    }

    @Test
    void pricesOfAbsurdSizeAreRefusedWith400BeforeTheyReachTheDatabase() {
        // 1e999999999 once ran the JDBC driver out of memory writing it out digit by digit.
        for (String query : List.of(
                "maxPrice=1e999999999",
                "minPrice=1e999999999",
                "maxPrice=1e50000000",
                "minPrice=1e-999999999",
                "maxPrice=123456789",
                "minPrice=0.001")) {
            Http.Response response = http.get("/api/books?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(query).isEqualTo("application/problem+json");
            assertThat(response.body()).as(query).contains("Price");
        }
        assertThat(http.get("/api/books?minPrice=0.5&maxPrice=99999999.99").status())
                .isEqualTo(200);
        assertThat(http.get("/api/books").status()).as("the pool is unharmed").isEqualTo(200);
    }

    @Test
    void parametersThatAreNotUtf8AreA400ProblemNotAServerError() {
        Http.Response response = http.get("/api/books?q=%FF%FE%C3%28");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void onlyStaffChangeTheCatalogAndBadInputGetsFieldErrors() {
        String body = book("Staff Book", "S. Taff", "Fiction", "9.99", 3, "d");
        assertThat(http.post("/api/books", body).status()).as("anonymous").isEqualTo(401);
        assertThat(http.post("/api/books", body, "Authorization", customer).status())
                .as("customer")
                .isEqualTo(403);

        Http.Response created = http.post("/api/books", body, "Authorization", admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location"))
                .isEqualTo("/api/books/" + created.json().get("id").asLong());

        Http.Response badIsbn = http.post(
                "/api/books",
                body.replaceFirst("\"isbn\":\"\\d+\"", "\"isbn\":\"9780141439519\""),
                "Authorization",
                admin);
        assertThat(badIsbn.status()).isEqualTo(400);
        assertThat(badIsbn.json().get("errors").get(0).get("field").asString()).isEqualTo("isbn");

        Http.Response negative =
                http.post("/api/books", book("Neg", "N", "Fiction", "-1.00", 1, "d"), "Authorization", admin);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("price");

        String isbn = created.json().get("isbn").asString();
        Http.Response duplicate = http.post(
                "/api/books",
                book("Dup", "D", "Fiction", "1.00", 1, "d")
                        .replaceFirst("\"isbn\":\"\\d+\"", "\"isbn\":\"" + isbn + "\""),
                "Authorization",
                admin);
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void editsNeedTheCurrentVersionAndDeletesRemove() {
        JsonNode created = create(book("Editable", "E. Dit", "Fiction", "9.99", 3, "d"));
        long id = created.get("id").asLong();
        String etag = http.get("/api/books/" + id).header("ETag");
        String changed = book("Edited Title", "E. Dit", "Fiction", "11.50", 3, "d")
                .replaceFirst(
                        "\"isbn\":\"\\d+\"", "\"isbn\":\"" + created.get("isbn").asString() + "\"");

        assertThat(http.put("/api/books/" + id, changed, "Authorization", admin).status())
                .as("no If-Match")
                .isEqualTo(428);
        assertThat(http.put("/api/books/" + id, changed, "Authorization", admin, "If-Match", "\"999\"")
                        .status())
                .as("stale If-Match")
                .isEqualTo(412);
        Http.Response updated = http.put("/api/books/" + id, changed, "Authorization", admin, "If-Match", etag);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("price").asString()).isEqualTo("11.50");
        assertThat(http.put("/api/books/" + id, changed, "Authorization", admin, "If-Match", etag)
                        .status())
                .as("the same ETag again is stale now")
                .isEqualTo(412);

        assertThat(http.delete("/api/books/" + id, "Authorization", customer).status())
                .isEqualTo(403);
        assertThat(http.delete("/api/books/" + id, "Authorization", admin).status())
                .isEqualTo(204);
        assertThat(http.get("/api/books/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDetailAnswersWithAnETagAndRevalidates() {
        long id = create(book("Cached", "C. Ache", "Fiction", "3.00", 1, "d"))
                .get("id")
                .asLong();
        Http.Response first = http.get("/api/books/" + id);
        assertThat(first.header("Cache-Control")).contains("no-cache");
        assertThat(http.get("/api/books/" + id, "If-None-Match", first.header("ETag"))
                        .status())
                .isEqualTo(304);
    }

    @Test
    void catalogReadsAreServedByReplicasAsTheServersCountThem(ReplicaSet set) {
        long id = create(book("Counted", "C. Ount", "Fiction", "3.00", 1, "d"))
                .get("id")
                .asLong();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        set.all().forEach(DatabaseServer::resetTableStatistics);

        for (int i = 0; i < 10; i++) {
            assertThat(http.get("/api/books/" + id).status()).isEqualTo(200);
            assertThat(http.get("/api/books?q=counted").status()).isEqualTo(200);
        }
        long onReplicas = set.replicas().stream()
                .mapToLong(r -> r.rowsRead("catalog", "books"))
                .sum();
        assertThat(onReplicas).isGreaterThanOrEqualTo(20);
        assertThat(set.primary().rowsRead("catalog", "books")).isZero();
    }

    @Test
    void aStaffEditIsVisibleToThatStaffMemberAtOnceWhileReplicasLag(ReplicaSet set) {
        JsonNode created = create(book("Before the edit", "L. Ag", "Fiction", "8.00", 2, "d"));
        long id = created.get("id").asLong();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        String etag = http.get("/api/books/" + id).header("ETag");
        set.replicas().forEach(replica -> set.delay(replica, 30));
        try {
            String changed = book("After the edit", "L. Ag", "Fiction", "8.00", 2, "d")
                    .replaceFirst(
                            "\"isbn\":\"\\d+\"",
                            "\"isbn\":\"" + created.get("isbn").asString() + "\"");
            Http.Response updated = http.put("/api/books/" + id, changed, "Authorization", admin, "If-Match", etag);
            String token = updated.header("Consistency-Token");
            assertThat(token).isNotBlank();

            assertThat(http.get("/api/books/" + id, "Consistency-Token", token)
                            .json()
                            .get("title")
                            .asString())
                    .isEqualTo("After the edit");
            assertThat(new Http(port)
                            .get("/api/books/" + id)
                            .json()
                            .get("title")
                            .asString())
                    .as("without the token a lagging replica answers")
                    .isEqualTo("Before the edit");
        } finally {
            set.heal();
        }
    }

    /**
     * Another instance's change (straight to the writer, so not through this instance's own updates) while both
     * replicas lag 30 s: a search without a consistency position has what the replicas have; its author's search,
     * carrying the position, finds the book by its new title at once.
     */
    @Test
    void aChangeMadeThroughAnotherInstanceIsInItsAuthorsSearchAtOnce(ReplicaSet set) {
        String before = marker();
        String after = marker();
        long id = create(book("The " + before + " atlas", "L. Ag", "Travel", "9.00", 1, "Maps."))
                .get("id")
                .asLong();
        set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        set.replicas().forEach(replica -> set.delay(replica, 30));
        try {
            set.primary()
                    .execute("UPDATE catalog.books SET title = 'The " + after + " atlas', version = version + 1"
                            + " WHERE id = " + id);
            String token = ConsistencyToken.encode(set.primaryPosition());

            Http anybody = new Http(port);
            assertThat(anybody.get("/api/books?q=" + after)
                            .json()
                            .get("totalItems")
                            .asLong())
                    .as("without the position: what the lagging replicas have")
                    .isZero();
            assertThat(ids(anybody.get("/api/books?q=" + before).json())).containsExactly(id);

            JsonNode found = http.get("/api/books?q=" + after, "Consistency-Token", token)
                    .json();
            assertThat(ids(found)).containsExactly(id);
            assertThat(found.get("items").get(0).get("title").asString()).isEqualTo("The " + after + " atlas");
            assertThat(http.get("/api/books?q=" + before, "Consistency-Token", token)
                            .json()
                            .get("totalItems")
                            .asLong())
                    .as("nor under its old title")
                    .isZero();
        } finally {
            set.heal();
        }
    }

    /**
     * A change whose transaction commits more than the feed's 5 s overlap after its statement, while another change
     * commits meanwhile: the feed, reading by time, has moved past its timestamp; the sweep of every book's id and
     * version (every 2 s here, every minute by default) finds it.
     */
    @Test
    void aChangeThatCommitsLateIsFoundByTheSweep(ReplicaSet set) throws Exception {
        String before = marker();
        String after = marker();
        long late = create(book("The " + before + " almanac", "L. Ate", "Reference", "7.00", 1, "Tables."))
                .get("id")
                .asLong();
        try (Connection connection = set.primary().connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE catalog.books SET title = 'The " + after + " almanac',"
                        + " version = version + 1 WHERE id = " + late);
            }
            Thread.sleep(6_000);
            String other = marker();
            create(book("The " + other + " gazette", "N. Ow", "Reference", "7.00", 1, "News."));
            set.awaitReplicasCaughtUp(Duration.ofSeconds(10));
            Thread.sleep(2_000); // the feed (every second) reads the gazette from a replica: its position passes the
            // almanac's
            connection.commit();
        }
        Http anybody = new Http(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<Long> found = ids(anybody.get("/api/books?q=" + after).json());
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            found = ids(anybody.get("/api/books?q=" + after).json());
        }
        assertThat(found).as("the late change, found by the sweep").containsExactly(late);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    JsonNode create(String body) {
        Http.Response response = http.post("/api/books", body, "Authorization", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static String book(String title, String author, String genre, String price, int stock, String description) {
        return "{\"isbn\":\"" + nextIsbn() + "\",\"title\":\"" + title + "\",\"author\":\"" + author
                + "\",\"description\":\"" + description + "\",\"genre\":\"" + genre
                + "\",\"publishedYear\":2001,\"price\":\"" + new BigDecimal(price) + "\",\"stock\":" + stock + "}";
    }

    static String nextIsbn() {
        return TestIsbns.next();
    }

    static String marker() {
        StringBuilder word = new StringBuilder("q");
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            word.append((char) ('a' + (c % 26)));
            if (word.length() == 9) {
                break;
            }
        }
        return word.toString();
    }
}
