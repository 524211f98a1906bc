package com.bookstore.auth;

import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.ServiceApplicationChecks;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthApplicationTest extends ServiceApplicationChecks {

    @LocalServerPort
    int port;

    AuthApplicationTest() {
        super("auth", "users");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("auth").properties().forEach((key, value) -> registry.add(key, () -> value));
        // Every test here registers from loopback; RegistrationLimitTest covers the per-address limit.
        registry.add("bookstore.auth.throttle.registrations-per-address", () -> "100000");
    }

    @Override
    protected int port() {
        return port;
    }
}
