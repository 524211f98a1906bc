package com.bookstore.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The least of AWS an application instance needs to boot, for tests: the instance metadata service (IMDSv2 only:
 * a token first, then the role's temporary credentials and the region), Secrets Manager's {@code GetSecretValue},
 * S3's {@code HeadObject}/{@code GetObject} (path-style, with byte ranges, as the CLI downloads large objects) and
 * CloudFormation resource signals (recorded), SES's {@code SendRawEmail} (kept). One HTTP port for all; clients reach it through their endpoint
 * overrides. Not a fake of behaviour we own: only the answers AWS documents, in its JSON shapes.
 *
 * <p>Roles: an instance's metadata endpoint may name its role as a path prefix ({@code /role/NAME/latest/…}); its
 * credentials then carry an access key of that role, and when the stand-in is given what each role may read (the
 * stack's IAM policies), Secrets Manager refuses any other secret with {@code AccessDeniedException}, as IAM would.
 *
 * <p>{@code java … AwsStandIn PORT SECRETS_JSON S3_FOLDER SIGNALS_FILE [ACCESS_JSON]}: secrets as {@code {"arn":
 * "secret string"}}, objects under {@code S3_FOLDER/bucket/key}, one line per signal appended to
 * {@code SIGNALS_FILE}, and optionally {@code {"role": ["secret arn", …]}}.
 */
public final class AwsStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROLE = "bookstore-instance-role";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final Pattern ROLE_PREFIX = Pattern.compile("^/role/([A-Za-z0-9_.+=@-]+)(/.*)$");
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");

    private final HttpServer server;
    private final Map<String, String> secrets;
    private final Path objects;
    private final Path signals;
    private final String region;
    private final Map<String, Set<String>> access;
    private final Map<String, String> roleOfAccessKey = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<String> secretRequests = new CopyOnWriteArrayList<>();
    private int sentMails;

    public AwsStandIn(InetSocketAddress address, Map<String, String> secrets, Path objects, Path signals, String region)
            throws IOException {
        this(address, secrets, objects, signals, region, null);
    }

    /** With {@code access} (role → the secrets it may read), a secret outside its caller's role is refused. */
    public AwsStandIn(
            InetSocketAddress address,
            Map<String, String> secrets,
            Path objects,
            Path signals,
            String region,
            Map<String, Set<String>> access)
            throws IOException {
        this.access = access;
        this.secrets = secrets;
        this.objects = objects;
        this.signals = signals;
        this.region = region;
        server = HttpServer.create(address, 64);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every Secrets Manager call so far, as {@code "<X-Amz-Target> <SecretId>"}. */
    public List<String> secretRequests() {
        return List.copyOf(secretRequests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // An endpoint configured with a trailing slash makes clients ask for "//latest/…".
            String path = exchange.getRequestURI().getRawPath().replaceAll("/{2,}", "/");
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Matcher role = ROLE_PREFIX.matcher(path);
            if (role.matches() && role.group(2).startsWith("/latest/")) {
                metadata(exchange, role.group(2), role.group(1));
            } else if (path.startsWith("/latest/")) {
                metadata(exchange, path, ROLE);
            } else if (target != null && target.startsWith("secretsmanager.")) {
                secretsManager(exchange, target);
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/")) {
                ses(exchange);
            } else if (path.equals("/cfn-signal")) {
                signal(exchange);
            } else {
                s3(exchange, path);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** IMDSv2: a PUT for a session token, then GETs that carry it (a GET without one is refused, as on AWS). */
    private void metadata(HttpExchange exchange, String path, String role) throws IOException {
        if ("PUT".equals(exchange.getRequestMethod()) && path.equals("/latest/api/token")) {
            String token = UUID.randomUUID().toString();
            tokens.add(token);
            String ttl = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds");
            exchange.getResponseHeaders().add("X-aws-ec2-metadata-token-ttl-seconds", ttl == null ? "21600" : ttl);
            send(exchange, 200, "text/plain", token.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!tokens.contains(String.valueOf(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token")))) {
            send(exchange, 401, "text/plain", new byte[0]);
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = switch (path) {
            case "/latest/meta-data/iam/security-credentials/", "/latest/meta-data/iam/security-credentials" -> role;
            case String credentials
            when credentials.equals("/latest/meta-data/iam/security-credentials/" + role) ->
                JSON.writeValueAsString(Map.of(
                        "Code", "Success",
                        "LastUpdated", now.toString(),
                        "Type", "AWS-HMAC",
                        "AccessKeyId", accessKeyOf(role),
                        "SecretAccessKey", "stand-in-secret-access-key",
                        "Token", "stand-in-session-token",
                        "Expiration", now.plus(6, ChronoUnit.HOURS).toString()));
            case "/latest/meta-data/placement/region" -> region;
            case "/latest/meta-data/instance-id" -> "i-0standin000000000";
            case "/latest/dynamic/instance-identity/document" ->
                JSON.writeValueAsString(
                        Map.of("region", region, "instanceId", "i-0standin000000000", "accountId", "123456789012"));
            default -> null;
        };
        if (body == null) {
            send(exchange, 404, "text/plain", new byte[0]);
        } else {
            send(exchange, 200, "text/plain", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One access key per role, as STS would hand out: the key names its role to the services it signs for. */
    private String accessKeyOf(String role) {
        String key = "ASIA" + String.format("%016X", role.hashCode() & 0xffffffffL);
        roleOfAccessKey.put(key, role);
        return key;
    }

    private void secretsManager(HttpExchange exchange, String target) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String id = request.path("SecretId").asString();
        secretRequests.add(target + " " + id);
        if (access != null) {
            Matcher credential = CREDENTIAL.matcher(
                    String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String role = credential.find() ? roleOfAccessKey.get(credential.group(1)) : null;
            if (role == null || !access.getOrDefault(role, Set.of()).contains(id)) {
                send(
                        exchange,
                        400,
                        "application/x-amz-json-1.1",
                        JSON.writeValueAsBytes(Map.of(
                                "__type",
                                "AccessDeniedException",
                                "message",
                                "User: arn:aws:sts::123456789012:assumed-role/" + role
                                        + "/i-0standin000000000 is not authorized to perform:"
                                        + " secretsmanager:GetSecretValue on resource: " + id
                                        + " because no identity-based policy allows the"
                                        + " secretsmanager:GetSecretValue action")));
                return;
            }
        }
        String value = secrets.get(id);
        if (!"secretsmanager.GetSecretValue".equals(target) || value == null) {
            send(
                    exchange,
                    400,
                    "application/x-amz-json-1.1",
                    JSON.writeValueAsBytes(Map.of(
                            "__type", "ResourceNotFoundException", "message", "Secrets Manager can't find " + id)));
            return;
        }
        send(
                exchange,
                200,
                "application/x-amz-json-1.1",
                JSON.writeValueAsBytes(Map.of(
                        "ARN",
                        id,
                        "Name",
                        id,
                        "VersionId",
                        "00000000-0000-0000-0000-000000000001",
                        "SecretString",
                        value,
                        "VersionStages",
                        List.of("AWSCURRENT"),
                        "CreatedDate",
                        1.7E9)));
    }

    /**
     * SES's {@code SendRawEmail} (the query API, as the SDK's SES client calls it): each message is kept as
     * {@code ses/N.eml} beside the signals file, and {@code ses/sent.log} gets a line naming it, the role whose
     * credentials signed the call and the configuration set it named.
     */
    private void ses(HttpExchange exchange) throws IOException {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"SendRawEmail".equals(form.get("Action")) || form.get("RawMessage.Data") == null) {
            send(
                    exchange,
                    400,
                    "text/xml",
                    ("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>The stand-in"
                                    + " answers SendRawEmail only</Message></Error></ErrorResponse>")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        Matcher credential =
                CREDENTIAL.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        String role = credential.find() ? roleOfAccessKey.get(credential.group(1)) : null;
        Path folder = Files.createDirectories(signals.resolveSibling("ses"));
        String id;
        synchronized (this) {
            id = Integer.toString(sentMails++);
            Files.write(
                    folder.resolve(id + ".eml"), java.util.Base64.getDecoder().decode(form.get("RawMessage.Data")));
            Files.writeString(
                    folder.resolve("sent.log"),
                    id + ".eml role=" + role + " configuration-set=" + form.get("ConfigurationSetName") + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        send(
                exchange,
                200,
                "text/xml",
                ("<SendRawEmailResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><SendRawEmailResult>"
                                + "<MessageId>0000-stand-in-" + id
                                + "</MessageId></SendRawEmailResult><ResponseMetadata>"
                                + "<RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                                + "</SendRawEmailResponse>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** What cfn-signal sends (stack, resource, status, unique id), one line per signal. */
    private void signal(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String line = Instant.now() + " " + URLDecoder.decode(query == null ? "" : query, StandardCharsets.UTF_8);
        Files.writeString(
                signals, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        send(exchange, 200, "text/plain", new byte[0]);
    }

    /** Path-style HeadObject and GetObject, with a byte range when asked. */
    private void s3(HttpExchange exchange, String path) throws IOException {
        Path file = objects.resolve(URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8))
                .normalize();
        if (!file.startsWith(objects) || !Files.isRegularFile(file)) {
            send(
                    exchange,
                    404,
                    "application/xml",
                    ("<Error><Code>NoSuchKey</Code><Message>" + path + "</Message></Error>")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        long size = Files.size(file);
        long first = 0;
        long last = size - 1;
        int status = 200;
        Matcher range =
                RANGE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
        if (range.matches()) {
            first = Long.parseLong(range.group(1));
            last = range.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(range.group(2)));
            status = 206;
            exchange.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        long length = last - first + 1;
        exchange.getResponseHeaders().add("Content-Type", "application/zip");
        exchange.getResponseHeaders().add("ETag", "\"" + Long.toHexString(size) + "\"");
        exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
        exchange.getResponseHeaders().add("Last-Modified", "Mon, 30 Nov 2026 00:00:00 GMT");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length);
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = exchange.getResponseBody()) {
            in.skipNBytes(first);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: AwsStandIn PORT SECRETS_JSON S3_FOLDER SIGNALS_FILE [ACCESS_JSON]");
            System.exit(64);
        }
        Map<String, Set<String>> access = null;
        if (args.length == 5) {
            Map<String, Set<String>> byRole = new ConcurrentHashMap<>();
            JSON.readTree(Files.readString(Path.of(args[4])))
                    .properties()
                    .forEach(entry -> byRole.put(
                            entry.getKey(),
                            Set.copyOf(entry.getValue()
                                    .valueStream()
                                    .map(JsonNode::asString)
                                    .toList())));
            access = byRole;
        }
        Map<String, String> secrets = new ConcurrentHashMap<>();
        JSON.readTree(Files.readString(Path.of(args[1])))
                .properties()
                .forEach(entry -> secrets.put(entry.getKey(), entry.getValue().asString()));
        AwsStandIn standIn = new AwsStandIn(
                new InetSocketAddress("0.0.0.0", Integer.parseInt(args[0])),
                secrets,
                Path.of(args[2]).toAbsolutePath().normalize(),
                Path.of(args[3]),
                System.getenv().getOrDefault("AWS_REGION", "eu-central-1"),
                access);
        System.out.println("AWS stand-in on port " + standIn.port() + " with " + secrets.size() + " secrets"
                + (access == null ? "" : ", access by role: " + access.keySet()));
        Thread.currentThread().join();
    }
}
