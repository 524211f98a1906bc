-- Where an order's e-mails go: the customer's address when the order was placed (from their access token). Orders
-- placed before this release have none and get no e-mails.
ALTER TABLE orders ADD COLUMN customer_email VARCHAR(254) NULL;

-- The order e-mails still to send: written in the transaction that changes the order (received, paid, shipped,
-- delivered, cancelled), sent by the mail relay once it commits, each at most once per (order, kind).
CREATE TABLE mail_outbox (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id         CHAR(36)     NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    next_attempt_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    attempts         INT          NOT NULL DEFAULT 0,
    last_error       VARCHAR(500) NULL,
    sent_at          TIMESTAMP(6) NULL,
    CONSTRAINT uk_mail_outbox_order_kind UNIQUE (order_id, kind),
    CONSTRAINT fk_mail_outbox_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE = InnoDB;

CREATE INDEX ix_mail_outbox_pending ON mail_outbox (sent_at, next_attempt_at);
