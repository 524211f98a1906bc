package com.bookstore.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The account pages as a browser uses them: forms, field errors, cookies, CSRF, redirects. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountPagesTest {

    private static final String PASSWORD = "a-long-and-unusual-passphrase";
    private static final String HTML = "text/html";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("auth").properties().forEach((key, value) -> registry.add(key, () -> value));
        // Every test here registers from loopback; RegistrationLimitTest covers the per-address limit.
        registry.add("bookstore.auth.throttle.registrations-per-address", () -> "100000");
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aForgottenPasswordStartsFromTheSignInPageAndASpentLinkSaysWhatToDo() {
        assertThat(http.get("/account/login").body()).contains("href=\"/account/forgot\"");
        Http.Response asked = http.submit("/account/forgot", "/account/forgot", form("email", "nobody@example.com"));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("If an account has the address", "nobody@example.com");

        Http.Response page = http.get("/account/reset?token=abc");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Choose a new password", "value=\"abc\"");
        Http.Response spent =
                http.submit("/account/reset?token=abc", "/account/reset", form("token", "abc", "password", PASSWORD));
        assertThat(spent.status()).isEqualTo(400);
        assertThat(spent.body()).contains("does not work any more", "href=\"/account/forgot\"");
    }

    @Test
    void theSignInPageHasLabelledFieldsInTheSharedLayout() {
        Http.Response page = http.get("/account/login", "Accept", HTML);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<label for=\"email\">", "<label for=\"password\">", "autocomplete=\"current-password\"")
                .contains("class=\"site-header\"", "href=\"/css/bookstore.css\"", "Skip to content");
    }

    @Test
    void registeringSignsInAndRedirectsHome() {
        String email = unique();
        Http.Response response = http.submit(
                "/account/register",
                "/account/register",
                form("email", email, "displayName", "Ada", "password", PASSWORD));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/");
        assertThat(response.cookie("__Host-access_token")).isNotBlank();
        assertThat(response.cookie("flash")).contains("Ada");

        Http.Response account = http.get(
                "/account", "Accept", HTML, "Cookie", "__Host-access_token=" + response.cookie("__Host-access_token"));
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains(email);
    }

    @Test
    void aWeakPasswordIsShownNextToItsField() {
        Http.Response response = http.submit(
                "/account/register",
                "/account/register",
                form("email", unique(), "displayName", "Bo", "password", "qwerty123456"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"password-error\"", "most common");
        assertThat(response.cookie("__Host-access_token")).isNull();
    }

    @Test
    void aWrongPasswordShowsOneGenericMessage() {
        Http.Response response = http.submit(
                "/account/login",
                "/account/login",
                form("email", unique(), "password", "wrong-password-1"),
                "X-Forwarded-For",
                "10.5.0.1");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("The e-mail address or the password is not correct.");
    }

    @Test
    void signInReturnsToTheRequestedPageButNeverToAnotherSite() {
        String email = unique();
        http.submit(
                "/account/register",
                "/account/register",
                form("email", email, "displayName", "Cy", "password", PASSWORD));
        Http.Response local = http.submit(
                "/account/login",
                "/account/login",
                form("email", email, "password", PASSWORD, "next", "/orders/7"),
                "X-Forwarded-For",
                "10.5.0.2");
        assertThat(local.header("Location")).endsWith("/orders/7");
        Http.Response evil = http.submit(
                "/account/login",
                "/account/login",
                form("email", email, "password", PASSWORD, "next", "//evil.example/steal"),
                "X-Forwarded-For",
                "10.5.0.2");
        assertThat(evil.header("Location")).doesNotContain("evil").endsWith("/");
    }

    @Test
    void aSignInPostedFromAnotherSiteWithoutTheFormsTokenIsRefused() {
        String email = unique();
        http.submit(
                "/account/register",
                "/account/register",
                form("email", email, "displayName", "Hal", "password", PASSWORD));
        // Login CSRF: a form on another site signs the victim's browser into the attacker's account.
        Http.Response forged = http.form("/account/login", form("email", email, "password", PASSWORD));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.cookie("__Host-access_token")).isNull();
        Http.Response forgedRegistration =
                http.form("/account/register", form("email", unique(), "displayName", "Ivy", "password", PASSWORD));
        assertThat(forgedRegistration.status()).isEqualTo(403);
    }

    @Test
    void aNextAddressWithALineBreakCannotSplitTheRedirect() {
        Http.Response page = http.get("/account/login?next=/%0d%0aSet-Cookie:%20evil=1", "Accept", HTML);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("evil"));
        assertThat(page.body()).contains("name=\"next\" value=\"/\"");

        String email = unique();
        http.submit(
                "/account/register",
                "/account/register",
                form("email", email, "displayName", "Jo", "password", PASSWORD));
        Http.Response signedIn = http.submit(
                "/account/login",
                "/account/login",
                form("email", email, "password", PASSWORD, "next", "/\r\nSet-Cookie: evil=1"),
                "X-Forwarded-For",
                "10.5.0.3");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/");
        assertThat(signedIn.headers("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("evil"));
    }

    @Test
    void anErrorPageAskedForDirectlyIsNotFoundAndNeverAServerError() {
        assertThat(http.get("/error", "Accept", HTML).status()).isEqualTo(404);
        assertThat(http.get("/error", "Accept", "application/json").status()).isEqualTo(404);
    }

    @Test
    void aPageThatNeedsSignInRedirectsToTheSignInForm() {
        Http.Response response = http.get("/account", "Accept", HTML);
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).contains("/account/login?next=%2Faccount");
    }

    @Test
    void aBrowserWhoseAccessCookieRanOutIsSignedInAgainSilentlyAndSentBack() {
        Http.Response registered = http.submit(
                "/account/register",
                "/account/register",
                form("email", unique(), "displayName", "Flo", "password", PASSWORD));
        String refresh = registered.cookie("__Host-refresh_token");
        assertThat(refresh).isNotBlank();

        // The access cookie is gone (it lasts minutes); the page sends the browser to the sign-in page...
        Http.Response page =
                http.get("/account?tab=orders", "Accept", HTML, "Cookie", "__Host-refresh_token=" + refresh);
        assertThat(page.status()).isEqualTo(302);
        String login = page.header("Location");
        assertThat(login).isEqualTo("/account/login?next=%2Faccount%3Ftab%3Dorders");

        // ...which renews the session with the refresh cookie and sends it straight back.
        Http.Response renewed = http.get(login, "Accept", HTML, "Cookie", "__Host-refresh_token=" + refresh);
        assertThat(renewed.status()).isEqualTo(302);
        assertThat(renewed.header("Location")).endsWith("/account?tab=orders");
        String access = renewed.cookie("__Host-access_token");
        assertThat(access).isNotBlank();
        assertThat(renewed.cookie("__Host-refresh_token")).isNotBlank().isNotEqualTo(refresh);
        Http.Response account = http.get("/account", "Accept", HTML, "Cookie", "__Host-access_token=" + access);
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("Flo");
    }

    @Test
    void aSpentRefreshCookieShowsTheFormAndIsForgotten() {
        Http.Response registered = http.submit(
                "/account/register",
                "/account/register",
                form("email", unique(), "displayName", "Gus", "password", PASSWORD));
        String refresh = registered.cookie("__Host-refresh_token");
        http.get("/account/login", "Accept", HTML, "Cookie", "__Host-refresh_token=" + refresh); // rotates it

        Http.Response reused = http.get("/account/login", "Accept", HTML, "Cookie", "__Host-refresh_token=" + refresh);
        assertThat(reused.status()).isEqualTo(200);
        assertThat(reused.body()).contains("<label for=\"password\">");
        assertThat(reused.headers("Set-Cookie"))
                .anySatisfy(
                        c -> assertThat(c).startsWith("__Host-refresh_token=;").contains("Max-Age=0"));
        Http.Response garbage = http.get("/account/login", "Accept", HTML, "Cookie", "__Host-refresh_token=nonsense");
        assertThat(garbage.status()).isEqualTo(200);
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndThenEndsTheSession() {
        String email = unique();
        Http.Response registered = http.submit(
                "/account/register",
                "/account/register",
                form("email", email, "displayName", "Di", "password", PASSWORD));
        String access = registered.cookie("__Host-access_token");
        String session = "__Host-access_token=" + access;

        Http.Response forged = http.form("/account/logout", "", "Cookie", session);
        assertThat(forged.status()).as("a cross-site post without the token").isEqualTo(403);

        Http.Response account = http.get("/account", "Accept", HTML, "Cookie", session);
        String csrfCookie = account.cookie("XSRF-TOKEN");
        Matcher hidden = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(account.body());
        assertThat(hidden.find()).isTrue();
        Http.Response logout = http.form(
                "/account/logout", form("_csrf", hidden.group(1)), "Cookie", session + "; XSRF-TOKEN=" + csrfCookie);
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.headers("Set-Cookie"))
                .anySatisfy(
                        c -> assertThat(c).startsWith("__Host-access_token=;").contains("Max-Age=0"));

        assertThat(http.get("/api/auth/me", "Authorization", Http.bearer(access))
                        .status())
                .as("the access token is revoked")
                .isEqualTo(401);
    }

    @Test
    void anUnknownPageIsTheSitesOwn404ForASignedInBrowser() {
        Http.Response registered = http.submit(
                "/account/register",
                "/account/register",
                form("email", unique(), "displayName", "Ed", "password", PASSWORD));
        Http.Response missing = http.get(
                "/account/no-such-page",
                "Accept",
                HTML,
                "Cookie",
                "__Host-access_token=" + registered.cookie("__Host-access_token"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body())
                .contains("Page not found", "class=\"site-header\"")
                .doesNotContain("Whitelabel");
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static String unique() {
        return "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
