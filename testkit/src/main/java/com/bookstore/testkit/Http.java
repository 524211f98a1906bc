package com.bookstore.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for tests: real requests to a real port, no mocks. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String CONSISTENCY_TOKEN = "Consistency-Token";
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final boolean readsItsWrites;
    private volatile String lastWrite;

    public Http(int port) {
        this(port, false);
    }

    private Http(int port, boolean readsItsWrites) {
        this.base = "http://127.0.0.1:" + port;
        this.readsItsWrites = readsItsWrites;
    }

    /**
     * A client that behaves as the API asks of one: it keeps the newest {@code Consistency-Token} a write answered
     * with and sends it with every later request that does not name its own, so its reads see its writes however far
     * the replicas lag.
     */
    public static Http readingItsWrites(int port) {
        return new Http(port, true);
    }

    public Response post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request, headers);
    }

    /** A form post, as a browser sends it. */
    public Response form(String path, String urlEncodedBody, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody));
        return send(request, headers);
    }

    /**
     * A form post as a browser sends it from the page that shows the form: the page is fetched first (with the same
     * headers), and its hidden CSRF field and CSRF cookie go along with the post.
     */
    public Response submit(String pagePath, String postPath, String urlEncodedBody, String... headers) {
        List<String> pageHeaders = new ArrayList<>(List.of(headers));
        pageHeaders.addAll(List.of("Accept", "text/html"));
        Response page = get(pagePath, pageHeaders.toArray(String[]::new));
        Matcher field = CSRF_FIELD.matcher(page.body());
        String csrfCookie = page.cookie("XSRF-TOKEN");
        if (!field.find() || csrfCookie == null) {
            throw new IllegalStateException(pagePath + " (" + page.status() + ") shows no CSRF-protected form");
        }
        String body = (urlEncodedBody.isEmpty() ? "" : urlEncodedBody + "&") + "_csrf="
                + URLEncoder.encode(field.group(1), StandardCharsets.UTF_8);
        List<String> postHeaders = new ArrayList<>();
        boolean cookieSent = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            boolean cookie = headers[i].equalsIgnoreCase("Cookie");
            postHeaders.add(headers[i]);
            postHeaders.add(cookie ? headers[i + 1] + "; XSRF-TOKEN=" + csrfCookie : headers[i + 1]);
            cookieSent |= cookie;
        }
        if (!cookieSent) {
            postHeaders.addAll(List.of("Cookie", "XSRF-TOKEN=" + csrfCookie));
        }
        return form(postPath, body, postHeaders.toArray(String[]::new));
    }

    public Response put(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        return send(request, headers);
    }

    public Response delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers);
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    private Response send(HttpRequest.Builder request, String... headers) {
        boolean ownToken = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            ownToken |= headers[i].equalsIgnoreCase(CONSISTENCY_TOKEN);
        }
        String token = lastWrite;
        if (readsItsWrites && !ownToken && token != null) {
            request.header(CONSISTENCY_TOKEN, token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (readsItsWrites) {
                response.headers().firstValue(CONSISTENCY_TOKEN).ifPresent(newer -> lastWrite = newer);
            }
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        /** The value this response sets for a cookie, or null. */
        public String cookie(String name) {
            return headers("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst()
                    .orElse(null);
        }
    }
}
