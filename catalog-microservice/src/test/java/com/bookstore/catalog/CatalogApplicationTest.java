package com.bookstore.catalog;

import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.ServiceApplicationChecks;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogApplicationTest extends ServiceApplicationChecks {

    @LocalServerPort
    int port;

    CatalogApplicationTest() {
        super("catalog", "books");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("catalog").properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Override
    protected int port() {
        return port;
    }
}
