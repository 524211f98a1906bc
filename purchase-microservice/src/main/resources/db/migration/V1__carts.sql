CREATE TABLE cart_items (
    user_id    BIGINT       NOT NULL,
    book_id    BIGINT       NOT NULL,
    quantity   INT          NOT NULL,
    added_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (user_id, book_id),
    CONSTRAINT ck_cart_items_quantity CHECK (quantity BETWEEN 1 AND 99)
) ENGINE = InnoDB;
