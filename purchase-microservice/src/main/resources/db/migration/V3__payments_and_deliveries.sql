-- One captured payment per order. Only the card's brand and last four digits are ever stored.
CREATE TABLE payments (
    order_id     CHAR(36)      NOT NULL PRIMARY KEY,
    id           CHAR(36)      NOT NULL,
    amount       DECIMAL(10,2) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    brand        VARCHAR(20)   NOT NULL,
    last4        CHAR(4)       NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    captured_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    refunded_at  TIMESTAMP(6)  NULL,
    CONSTRAINT uk_payments_id UNIQUE (id),
    CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT ck_payments_status CHECK (status IN ('CAPTURED', 'REFUNDED'))
) ENGINE = InnoDB;

-- Idempotency-Key records, per user: the request's fingerprint and, once done, the answer to replay.
CREATE TABLE idempotency_keys (
    user_id          BIGINT        NOT NULL,
    idempotency_key  VARCHAR(100)  NOT NULL,
    fingerprint      CHAR(64)      NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    response_status  INT           NULL,
    response_body    MEDIUMTEXT    NULL,
    created_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (user_id, idempotency_key),
    CONSTRAINT ck_idempotency_status CHECK (status IN ('IN_FLIGHT', 'DONE'))
) ENGINE = InnoDB;

-- Events written in the same transaction as the change they announce, relayed afterwards (at least once).
CREATE TABLE outbox (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_type    VARCHAR(40)  NOT NULL,
    order_id      CHAR(36)     NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    processed_at  TIMESTAMP(6) NULL
) ENGINE = InnoDB;

CREATE INDEX ix_outbox_pending ON outbox (processed_at, id);

CREATE TABLE deliveries (
    order_id            CHAR(36)     NOT NULL PRIMARY KEY,
    status              VARCHAR(20)  NOT NULL,
    carrier             VARCHAR(60)  NOT NULL,
    tracking_number     VARCHAR(40)  NOT NULL,
    estimated_delivery  DATE         NOT NULL,
    updated_at          TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_deliveries_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT ck_deliveries_status CHECK (status IN ('PREPARING', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED'))
) ENGINE = InnoDB;

CREATE TABLE delivery_events (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id  CHAR(36)     NOT NULL,
    status    VARCHAR(20)  NOT NULL,
    at        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_delivery_events_delivery FOREIGN KEY (order_id) REFERENCES deliveries (order_id) ON DELETE CASCADE
) ENGINE = InnoDB;
