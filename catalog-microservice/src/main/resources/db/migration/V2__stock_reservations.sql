-- A successful stock reservation of one order, kept so that repeating it never reserves twice and releasing it
-- restores stock exactly once. A refused reservation leaves nothing behind.
CREATE TABLE stock_reservations (
    order_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    status       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    released_at  TIMESTAMP(6) NULL,
    CONSTRAINT ck_stock_reservations_status CHECK (status IN ('RESERVED', 'RELEASED'))
) ENGINE = InnoDB;

CREATE TABLE stock_reservation_lines (
    order_id  VARCHAR(64) NOT NULL,
    book_id   BIGINT      NOT NULL,
    quantity  INT         NOT NULL,
    PRIMARY KEY (order_id, book_id),
    CONSTRAINT fk_reservation_lines_reservation FOREIGN KEY (order_id)
        REFERENCES stock_reservations (order_id) ON DELETE CASCADE,
    CONSTRAINT ck_reservation_lines_quantity CHECK (quantity > 0)
) ENGINE = InnoDB;
