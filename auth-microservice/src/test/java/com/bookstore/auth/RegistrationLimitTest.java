package com.bookstore.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.Http;
import com.bookstore.testkit.ReplicaSetExtension;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Registrations are counted per client address like failed sign-ins: one address cannot mass-create accounts. */
@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationLimitTest {

    private static final String PASSWORD = "a-long-and-unusual-passphrase";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("auth").properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("bookstore.auth.throttle.registrations-per-address", () -> "3");
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anAddressMayRegisterAFewAccountsThenGets429WithRetryAfterWhileOthersStillCan() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 3; i++) {
            assertThat(register(address).status()).isEqualTo(201);
        }
        Http.Response refused = register(address);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(register("198.51.100.7").status()).as("another address").isEqualTo(201);

        Http.Response page = http.submit(
                "/account/register",
                "/account/register",
                "email=" + unique() + "&displayName=Page&password=" + PASSWORD,
                "X-Forwarded-For",
                address);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("Too many accounts registered from this address");
    }

    private Http.Response register(String address) {
        return http.post(
                "/api/auth/register",
                "{\"email\":\"" + unique() + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Limit\"}",
                "X-Forwarded-For",
                address);
    }

    private static String unique() {
        return "limit-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
