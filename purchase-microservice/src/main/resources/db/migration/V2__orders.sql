-- Orders keep a snapshot of what was bought (title, unit price) and where it goes. The id is also the order's
-- reservation id at the catalog. RESERVING is internal: the order exists only once its stock is reserved.
CREATE TABLE orders (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    user_id           BIGINT        NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    subtotal          DECIMAL(10,2) NOT NULL,
    shipping_cost     DECIMAL(10,2) NOT NULL,
    total             DECIMAL(10,2) NOT NULL,
    currency          CHAR(3)       NOT NULL,
    delivery_option   VARCHAR(20)   NOT NULL,
    ship_full_name    VARCHAR(120)  NOT NULL,
    ship_line1        VARCHAR(200)  NOT NULL,
    ship_line2        VARCHAR(200)  NULL,
    ship_city         VARCHAR(100)  NOT NULL,
    ship_postal_code  VARCHAR(20)   NOT NULL,
    ship_country      CHAR(2)       NOT NULL,
    stock_released    BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at        TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    expires_at        TIMESTAMP(6)  NOT NULL,
    CONSTRAINT ck_orders_status CHECK (status IN
        ('RESERVING', 'PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT ck_orders_total CHECK (total = subtotal + shipping_cost)
) ENGINE = InnoDB;

CREATE INDEX ix_orders_user ON orders (user_id, created_at);
CREATE INDEX ix_orders_status ON orders (status, expires_at);

CREATE TABLE order_lines (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id    CHAR(36)      NOT NULL,
    book_id     BIGINT        NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    unit_price  DECIMAL(10,2) NOT NULL,
    quantity    INT           NOT NULL,
    line_total  DECIMAL(10,2) NOT NULL,
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT ck_order_lines_quantity CHECK (quantity BETWEEN 1 AND 99)
) ENGINE = InnoDB;
