package com.bookstore.resourceprobe;

import com.bookstore.platform.security.BookstoreSecurity;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resource server built on nothing but {@code platform}, as catalog and purchase are: it checks the auth
 * service's tokens through the JWKS and the revocation feed.
 */
@SpringBootApplication
public class ResourceProbeApplication {

    public static final String[] WITHOUT_DATABASE = {
        "spring.autoconfigure.exclude="
                + "com.bookstore.platform.datasource.RoutingDataSourceAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "server.port=0"
    };

    @Bean
    SecurityFilterChain probeChain(HttpSecurity http, BookstoreSecurity security) throws Exception {
        return security.apply(http)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/staff-probe")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .build();
    }

    @RestController
    static class ProbeController {

        @GetMapping("/api/probe")
        Map<String, Object> probe(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("subject", jwt.getSubject(), "roles", jwt.getClaimAsStringList("roles"));
        }

        @GetMapping("/api/staff-probe")
        Map<String, Object> staff(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("subject", jwt.getSubject());
        }
    }
}
