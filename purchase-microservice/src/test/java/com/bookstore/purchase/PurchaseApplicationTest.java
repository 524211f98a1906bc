package com.bookstore.purchase;

import com.bookstore.testkit.ReplicaSetExtension;
import com.bookstore.testkit.ServiceApplicationChecks;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(ReplicaSetExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PurchaseApplicationTest extends ServiceApplicationChecks {

    @LocalServerPort
    int port;

    PurchaseApplicationTest() {
        super("purchase", "cart_items");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ReplicaSetExtension.schema("purchase").properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Override
    protected int port() {
        return port;
    }
}
