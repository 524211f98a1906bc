package com.bookstore.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares, at the lowest precedence so a service or the environment can still override
 * them.
 */
public final class PlatformDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            Map.entry("server.error.include-stacktrace", "never"),
            Map.entry("server.error.include-message", "never"),
            Map.entry("server.shutdown", "graceful"),
            Map.entry("server.forward-headers-strategy", "native"),
            // Only nginx (on this host) may say who the client is: X-Forwarded-For from any other peer is ignored.
            // The compose stack, where nginx has a container address, widens it in its own environment.
            Map.entry("server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1"),
            // Above nginx's own limits (a header line up to 8 KB, 32 KB in all; over HTTP/2 that counts compressed
            // bytes, at most about 52 KB decoded), so an oversized header is refused
            // by nginx as problem+json or, below them, checked by the service; never Tomcat's HTML 400.
            Map.entry("server.max-http-request-header-size", "64KB"),
            // A bounded pool of request threads, not a virtual thread per request: under 1,000 concurrent
            // requests virtual threads ran them all at once, each holding Tomcat's buffers and waiting for one of a
            // few database connections, and the heap ran out. Requests beyond these threads wait in Tomcat's queue
            // (a socket, not a thread and its buffers), and nginx answers 503 with Retry-After past its timeout.
            // 24, not 48: on two cores the second 24 added no throughput (checkout 26.7 vs 25.8 orders/s side by
            // side) but their stacks, buffers and garbage in flight (purchase 306 vs 323 MB resident after it).
            Map.entry("server.tomcat.threads.max", "24"),
            Map.entry("server.tomcat.threads.min-spare", "8"),
            // The kernel's queue of connections not yet accepted: nginx opening hundreds at once (a burst of
            // clients) must wait there, not time out connecting (Tomcat's default is 100).
            Map.entry("server.tomcat.accept-count", "1024"),
            // Trace ids for log correlation on every request; no tracing back end is configured, so nothing is
            // exported (a deployment adds one with management.tracing.export.* / an exporter).
            Map.entry("management.tracing.sampling.probability", "1.0"),
            Map.entry("management.tracing.propagation.type", "w3c"),
            Map.entry("management.health.db.enabled", "false"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
            Map.entry("management.endpoint.health.show-details", "always"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("spring.jackson.time-zone", "UTC"),
            // The OpenAPI document (/v3/api-docs; not served through nginx) covers the JSON API only, in a stable
            // order, so the copy each service commits shows contract changes in a diff.
            Map.entry("springdoc.paths-to-match", "/api/**,/.well-known/**"),
            Map.entry("springdoc.writer-with-order-by-keys", "true"),
            Map.entry("springdoc.swagger-ui.enabled", "false"),
            // The actuator's endpoints write JSON with Jackson 3; no second, Jackson 2 mapper for them (Boot makes
            // one because springdoc brings Jackson 2).
            Map.entry("management.endpoints.jackson2.isolated-object-mapper", "false"),
            // Secrets Manager and SES are for AWS, where the instances switch them on (their secrets; mail through
            // SES's API instead of SMTP).
            Map.entry("spring.cloud.aws.secretsmanager.enabled", "false"),
            Map.entry("spring.cloud.aws.ses.enabled", "false"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("bookstorePlatformDefaults", DEFAULTS));
    }
}
