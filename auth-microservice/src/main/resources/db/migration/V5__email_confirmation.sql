-- Whether an account's address is confirmed (nothing in the shop waits for it; the account page and /api/auth/me
-- show it). Accounts made before this release start unconfirmed and can ask for a link from their account page.
ALTER TABLE users ADD COLUMN email_confirmed_at TIMESTAMP(6) NULL;

-- Confirmation links: as password_resets (only the SHA-256 of the 256-bit token stored; single use), valid 7 days.
CREATE TABLE email_confirmations (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash  CHAR(64)     NOT NULL,
    user_id     BIGINT       NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    used_at     TIMESTAMP(6) NULL,
    CONSTRAINT uk_email_confirmations_hash UNIQUE (token_hash),
    CONSTRAINT fk_email_confirmations_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB;
