-- Refresh tokens are stored as SHA-256 hashes only. Tokens of one login form a family: using a rotated token
-- again revokes the whole family.
CREATE TABLE refresh_tokens (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash  CHAR(64)     NOT NULL,
    family_id   CHAR(36)     NOT NULL,
    user_id     BIGINT       NOT NULL,
    issued_at   TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    rotated_at  TIMESTAMP(6) NULL,
    revoked_at  TIMESTAMP(6) NULL,
    CONSTRAINT uk_refresh_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);

-- Access tokens revoked before expiry (logout). The other services follow this table through /internal/revocations.
CREATE TABLE revocations (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    jti         CHAR(36)     NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    revoked_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_revocations_jti UNIQUE (jti)
) ENGINE = InnoDB;

-- Failed logins per account ('account:<email>') and per client address ('address:<ip>').
CREATE TABLE login_throttle (
    throttle_key       VARCHAR(300) PRIMARY KEY,
    failures           INT          NOT NULL,
    window_started_at  TIMESTAMP(6) NOT NULL,
    blocked_until      TIMESTAMP(6) NULL
) ENGINE = InnoDB;
