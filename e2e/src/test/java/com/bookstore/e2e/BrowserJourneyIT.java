package com.bookstore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.TestIsbns;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The site as people use it: the whole local stack ({@code ./bookstore up} on its own ports and state folder),
 * through nginx over HTTPS, in Debian's headless Chromium. Screenshots of key pages land in
 * {@code target/screenshots}.
 */
class BrowserJourneyIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path STATE = Path.of("target", "e2e-stack").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String BASE = "https://localhost:21443";
    private static final Map<String, String> STACK = Map.of(
            "BOOKSTORE_HOME", STATE.toString(),
            "BOOKSTORE_HTTPS_PORT", "21443",
            "BOOKSTORE_HTTP_PORT", "21080",
            "BOOKSTORE_DB_PORTS", "26306 26307 26308",
            "BOOKSTORE_SERVICE_PORT_BASE", "22000",
            "BOOKSTORE_PURCHASE_CARRIERSTEP", "2s",
            "BOOKSTORE_PURCHASE_OUTBOXINTERVAL", "500ms");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebDriver browser;
    private WebDriverWait wait;

    /** On a failure, what the services logged as warnings and errors, so a CI log alone tells what happened. */
    @RegisterExtension
    static final TestWatcher SERVICE_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try (var logs = Files.list(STATE.resolve("logs"))) {
                for (Path log : logs.sorted().toList()) {
                    System.out.println("---- " + log.getFileName() + ": warnings and errors");
                    Files.readAllLines(log).stream()
                            .filter(line ->
                                    line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("Caused by"))
                            .limit(40)
                            .forEach(System.out::println);
                }
            } catch (IOException e) {
                System.out.println("(no service logs: " + e + ")");
            }
        }
    };

    @BeforeAll
    static void startTheStack() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        bookstore("up", "--no-build");
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        bookstore("down");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--ignore-certificate-errors",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--window-size=1200,900",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerBuysTwoBooksIsDeclinedOncePaysFollowsTheDeliveryAndSignsOut() throws Exception {
        // A visitor who is not signed in and adds a book to the cart is asked to sign in, to come back to the book.
        browser.get(BASE + "/books?inStock=true&sort=title");
        browser.findElement(By.cssSelector(".book-card a")).click();
        String bookPath = URI.create(browser.getCurrentUrl()).getPath();
        browser.findElement(By.cssSelector("form.add-to-cart button")).click();
        wait.until(ExpectedConditions.urlContains("/account/login"));
        assertThat(browser.getCurrentUrl()).endsWith("?next=" + URLEncoder.encode(bookPath, StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.id("password")).isDisplayed()).isTrue();

        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        browser.get(BASE + "/account/register");
        type("email", email);
        type("displayName", "Edith Reader");
        type("password", "a-long-and-unusual-passphrase");
        submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Welcome"));
        screenshot("home-signed-in");

        browser.findElement(By.id("site-search")).sendKeys("the");
        browser.findElement(By.cssSelector("form.search button")).click();
        wait.until(ExpectedConditions.urlContains("/books?q="));
        browser.get(BASE + "/books?inStock=true&sort=title");
        List<String> books = browser.findElements(By.cssSelector(".book-card a")).stream()
                .limit(2)
                .map(link -> link.getAttribute("href"))
                .toList();
        assertThat(books).as("books in stock on the first page").hasSize(2);
        for (String book : books) {
            browser.get(book);
            screenshot("book");
            browser.findElement(By.cssSelector(".add-to-cart button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "is in your cart"));
        }
        assertThat(browser.findElements(By.cssSelector("main table tbody tr"))).hasSize(2);
        screenshot("cart");
        browser.get(BASE + "/books"); // a catalog page shows the count the purchase pages remembered
        assertThat(browser.findElement(By.cssSelector(".cart-link .badge")).getText())
                .isEqualTo("2");

        browser.get(BASE + "/cart");
        browser.findElement(By.linkText("Go to checkout")).click();
        type("fullName", "Edith Reader");
        type("line1", "12 Library Lane");
        type("city", "Leipzig");
        type("postalCode", "04109");
        type("country", "DE");
        submit();
        wait.until(ExpectedConditions.urlMatches(".*/orders/[0-9a-f-]+/pay"));
        String orderUrl = browser.getCurrentUrl().replace("/pay", "");

        payWith("4000 0000 0000 0002");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".form-error"), "declined"));
        screenshot("declined");
        payWith("4242 4242 4242 4242");
        wait.until(ExpectedConditions.urlToBe(orderUrl));
        assertThat(browser.findElement(By.cssSelector(".order-status")).getText())
                .contains("PAID");

        wait.withTimeout(Duration.ofSeconds(60)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.cssSelector(".order-status")).getText().contains("DELIVERED");
        });
        assertThat(browser.findElements(By.cssSelector(".timeline li"))).hasSize(4);
        screenshot("order-delivered");
        String number = orderUrl.substring(orderUrl.lastIndexOf('/') + 1, orderUrl.lastIndexOf('/') + 9)
                .toUpperCase(java.util.Locale.ROOT);
        assertThat(subjectsMailedTo(email, 5))
                .as("the order's e-mails in the mail catcher, once each and in order")
                .containsSubsequence(
                        "We have your order " + number,
                        "Your order " + number + " is paid",
                        "Your order " + number + " is on its way",
                        "Your order " + number + " was delivered");

        browser.get(BASE + "/account");
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "signed out"));
        assertThat(browser.manage().getCookieNamed("cart_badge")).isNull();
        browser.get(orderUrl);
        wait.until(ExpectedConditions.urlContains("/account/login"));
    }

    @Test
    void staffAddABookThatCustomersThenFind() {
        browser.get(BASE + "/account/login");
        type("email", "admin@bookstore.test");
        type("password", "staff-only-bookstore-2026");
        submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Staff: books")));
        browser.get(BASE + "/admin/books/new");
        String title = "The E2E Chronicles " + UUID.randomUUID().toString().substring(0, 6);
        type("isbn", TestIsbns.next());
        type("title", title);
        type("author", "Tess Ting");
        type("genre", "Fiction");
        type("publishedYear", "2026");
        type("price", "14.50");
        type("stock", "7");
        type("description", "A novel written by a browser test.");
        submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
        screenshot("staff-added-book");

        browser.manage().deleteAllCookies();
        browser.get(BASE + "/books?q=" + title.split(" ")[3]);
        assertThat(browser.findElement(By.cssSelector(".results")).getText()).contains(title);
    }

    /** Forgot the password: the link comes through the local mail catcher (MailDev), as it would to a mailbox. */
    @Test
    void aCustomerWhoForgotTheirPasswordSetsANewOneFromTheMailedLink() throws Exception {
        String email = "e2e-forgetful-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        browser.get(BASE + "/account/register");
        type("email", email);
        type("displayName", "Forgetful Reader");
        type("password", "the-first-e2e-passphrase");
        submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Forgetful Reader")));
        browser.manage().deleteAllCookies();

        browser.get(BASE + "/account/login");
        browser.findElement(By.linkText("Forgot your password?")).click();
        type("email", email);
        submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "If an account has the address"));

        String link = linkMailedTo(email);
        assertThat(link).startsWith(BASE + "/account/reset?token=");
        browser.get(link);
        type("password", "the-second-e2e-passphrase");
        submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "password is changed"));
        screenshot("password-reset");

        type("email", email);
        type("password", "the-second-e2e-passphrase");
        submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Forgetful Reader")));
    }

    /** The subjects of the mails the catcher holds for an address, oldest first, once it has {@code count}. */
    private static List<String> subjectsMailedTo(String email, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> subjects = List.of();
        while (System.nanoTime() < deadline) {
            subjects = new java.util.ArrayList<>();
            for (JsonNode mail : catcher()) {
                if (email.equals(mail.path("to").path(0).path("address").asString())) {
                    subjects.add(mail.path("subject").asString());
                }
            }
            if (subjects.size() >= count) {
                break;
            }
            Thread.sleep(300);
        }
        return subjects;
    }

    private static JsonNode catcher() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:22026/email"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    /** The newest reset link the mail catcher holds for an address (its JSON API, beside the page people read). */
    private static String linkMailedTo(String email) throws Exception {
        Pattern link = Pattern.compile(Pattern.quote(BASE) + "/account/reset\\?token=[A-Za-z0-9_-]+");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode mails = catcher();
            for (int i = mails.size() - 1; i >= 0; i--) {
                JsonNode mail = mails.get(i);
                if (email.equals(mail.path("to").path(0).path("address").asString())) {
                    Matcher found = link.matcher(mail.path("text").asString());
                    if (found.find()) {
                        return found.group();
                    }
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no reset mail for " + email + " in the mail catcher within 30 s");
    }

    private void payWith(String card) {
        WebElement number = browser.findElement(By.id("cardNumber"));
        number.clear();
        number.sendKeys(card);
        type("expiryMonth", "12");
        type("expiryYear", "2099");
        type("cvc", "123");
        type("cardholderName", "Edith Reader");
        submit();
    }

    private void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private void submit() {
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    private void screenshot(String name) {
        try {
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bookstore(String... arguments) throws Exception {
        List<String> command =
                new java.util.ArrayList<>(List.of(ROOT.resolve("bookstore").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(STACK);
        Process process = builder.start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./bookstore " + String.join(" ", arguments) + " failed");
        }
    }
}
