package com.bookstore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The shop window and the staff pages as a browser sees them: HTML, forms, CSRF, field errors. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogPagesTest {

    static final TestTokens TOKENS = TestTokens.start();
    private static final String HTML = "text/html";

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("catalog").properties().forEach((key, value) -> registry.add(key, () -> value));
        TOKENS.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stopTokens() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    private Http http;
    private final String staffCookie = "__Host-access_token=" + TOKENS.admin(7);
    private final String customerCookie = "__Host-access_token=" + TOKENS.customer(8);

    @BeforeEach
    void client() {
        http = Http.readingItsWrites(port);
    }

    @Test
    void homeBrowseAndBookPagesRenderForAnyone() {
        JsonNode book = createBook("A Page-Tested Novel", 3);
        Http.Response home = http.get("/", "Accept", HTML);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("New and recent", "Browse by genre", "class=\"site-header\"");

        Http.Response browse = http.get("/books?q=page-tested", "Accept", HTML);
        assertThat(browse.status()).isEqualTo(200);
        assertThat(browse.body()).contains("A Page-Tested Novel", "<label for=\"f-genre\">Genre</label>");

        Http.Response detail = http.get("/books/" + book.get("id").asLong(), "Accept", HTML);
        // A visitor is asked to sign in (a page without a CSRF token, the same for every visitor: edge-cacheable).
        assertThat(detail.body())
                .contains("Only 3 left", "Sign in to buy", "name=\"next\"")
                .doesNotContain("_csrf");
        Http.Response signedIn =
                http.get("/books/" + book.get("id").asLong(), "Accept", HTML, "Cookie", customerCookie);
        assertThat(signedIn.body()).contains("Add to cart", "name=\"bookId\"", "name=\"_csrf\"");
    }

    @Test
    void anOutOfStockBookSaysSoAndOffersNoCart() {
        JsonNode book = createBook("Sold Out Book", 0);
        Http.Response detail = http.get("/books/" + book.get("id").asLong(), "Accept", HTML);
        assertThat(detail.body()).contains("Out of stock").doesNotContain("Add to cart", "Sign in to buy");
    }

    @Test
    void badFiltersOnThePageAreShownNotAnError() {
        Http.Response page = http.get("/books?size=900&minPrice=abc", "Accept", HTML);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Some filters were not valid and were ignored.");
    }

    @Test
    void anUnknownBookIsTheSitesOwn404Page() {
        Http.Response missing = http.get("/books/987654321", "Accept", HTML);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "class=\"site-header\"");
    }

    @Test
    void staffPagesAreForStaffOnly() {
        assertThat(http.get("/admin/books", "Accept", HTML).status())
                .as("anonymous")
                .isEqualTo(302);
        Http.Response customer = http.get("/admin/books", "Accept", HTML, "Cookie", customerCookie);
        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.body()).contains("Not allowed");
        Http.Response staff = http.get("/admin/books", "Accept", HTML, "Cookie", staffCookie);
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body()).contains("Staff: books", "Add a book");
    }

    @Test
    void staffAddABookWithFieldErrorsFirstThenSuccess() {
        Csrf csrf = csrf("/admin/books/new");
        Http.Response invalid = http.form(
                "/admin/books",
                form(
                        csrf,
                        "isbn",
                        "9780141439519",
                        "title",
                        "",
                        "author",
                        "A",
                        "genre",
                        "Fiction",
                        "publishedYear",
                        "2001",
                        "price",
                        "-3",
                        "stock",
                        "2",
                        "description",
                        "d"),
                "Cookie",
                csrf.cookies());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("id=\"isbn-error\"", "Not a valid ISBN-13.", "id=\"title-error\"", "id=\"price-error\"");

        Http.Response created = http.form(
                "/admin/books",
                form(
                        csrf,
                        "isbn",
                        CatalogApiTest.nextIsbn(),
                        "title",
                        "Added From The Form",
                        "author",
                        "F. Orm",
                        "genre",
                        "Fiction",
                        "publishedYear",
                        "2020",
                        "price",
                        "12.00",
                        "stock",
                        "4",
                        "description",
                        "Made in a test."),
                "Cookie",
                csrf.cookies());
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.header("Location")).matches(".*/books/\\d+");
        assertThat(created.cookie("flash")).contains("Added");
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefusedWithAClearMessage() {
        JsonNode book = createBook("Edited Twice", 5);
        long id = book.get("id").asLong();
        Csrf csrf = csrf("/admin/books/" + id + "/edit");
        String fields = "&isbn=" + book.get("isbn").asString()
                + "&title=Edited+Once&author=A&genre=Fiction&publishedYear=2001&price=9.99&stock=5&description=d";
        assertThat(http.form(
                                "/admin/books/" + id,
                                "_csrf=" + csrf.token() + "&version=0" + fields,
                                "Cookie",
                                csrf.cookies())
                        .status())
                .isEqualTo(302);
        Http.Response stale = http.form(
                "/admin/books/" + id, "_csrf=" + csrf.token() + "&version=0" + fields, "Cookie", csrf.cookies());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this book");
    }

    @Test
    void aStaffFormPostWithoutTheCsrfTokenIsRefused() {
        Http.Response forged = http.form("/admin/books", "isbn=1&title=x", "Cookie", staffCookie);
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void anAuthorizationHeaderThatIsNotABearerTokenDoesNotExemptACookiePostFromCsrf() {
        Http.Response forged = http.form(
                "/admin/books", "isbn=1&title=x", "Cookie", staffCookie, "Authorization", "Basic YWRtaW46YWRtaW4=");
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void addressesWithTheWrongKindOfValueAreTheSitesOwn404Or400NeverA500() {
        for (String path : List.of("/books/abc", "/books/99999999999999999999", "/books/-1")) {
            Http.Response response = http.get(path, "Accept", HTML);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("Page not found", "class=\"site-header\"");
        }
        Http.Response staffEdit = http.get("/admin/books/abc/edit", "Accept", HTML, "Cookie", staffCookie);
        assertThat(staffEdit.status()).isEqualTo(404);
        Http.Response badPage = http.get("/books?page=abc", "Accept", HTML);
        assertThat(badPage.status()).isLessThan(500);
        Http.Response hugePrice = http.get("/books?maxPrice=1e999999999", "Accept", HTML);
        assertThat(hugePrice.status()).isLessThan(500);
        Http.Response notUtf8 = http.get("/books?q=%FF%FE%C3%28", "Accept", HTML);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.body()).contains("That address does not work");
    }

    @Test
    void aFormPostedAfterTheAccessCookieRanOutGoesBackToItsPageThroughSignIn() {
        Csrf csrf = csrf("/admin/books/new");
        // Only the long-lived refresh cookie is left: the sign-in page renews the session and returns to the form.
        String cookies =
                "__Host-refresh_token=still-there; XSRF-TOKEN=" + csrf.cookies().split("XSRF-TOKEN=")[1];
        String late = form(csrf, "isbn", "9780141439519", "title", "Late");

        Http.Response posted = http.form(
                "/admin/books", late, "Referer", "https://127.0.0.1/admin/books/new?from=form", "Cookie", cookies);
        assertThat(posted.status()).as(posted.body()).isEqualTo(303);
        assertThat(posted.header("Location")).isEqualTo("/account/login?next=%2Fadmin%2Fbooks%2Fnew%3Ffrom%3Dform");

        Http.Response fromElsewhere =
                http.form("/admin/books", late, "Referer", "https://evil.example/admin/books/new", "Cookie", cookies);
        assertThat(fromElsewhere.header("Location")).isEqualTo("/account/login?next=%2F");
    }

    private JsonNode createBook(String title, int stock) {
        Http.Response created = http.post(
                "/api/books",
                CatalogApiTest.book(title, "P. Age", "Fiction", "9.99", stock, "A book made by a page test."),
                "Authorization",
                "Bearer " + TOKENS.admin(7));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private Csrf csrf(String page) {
        Http.Response form = http.get(page, "Accept", HTML, "Cookie", staffCookie);
        Matcher hidden = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(hidden.find()).as("the form carries a CSRF token").isTrue();
        return new Csrf(hidden.group(1), staffCookie + "; XSRF-TOKEN=" + form.cookie("XSRF-TOKEN"));
    }

    private static String form(Csrf csrf, String... pairs) {
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf.token(), StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            body.append('&')
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private record Csrf(String token, String cookies) {}
}
