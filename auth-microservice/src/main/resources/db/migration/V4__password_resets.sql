-- Password reset links. Only the SHA-256 of each link's 256-bit token is stored; a link works once, for 30 minutes,
-- and using one (or setting a new password any other way) spends every other link of the account.
CREATE TABLE password_resets (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash  CHAR(64)     NOT NULL,
    user_id     BIGINT       NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    used_at     TIMESTAMP(6) NULL,
    CONSTRAINT uk_password_resets_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_resets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB;
