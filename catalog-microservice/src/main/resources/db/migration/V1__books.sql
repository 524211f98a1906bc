CREATE TABLE books (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    isbn            CHAR(13)      NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    author          VARCHAR(200)  NOT NULL,
    description     TEXT          NOT NULL,
    genre           VARCHAR(60)   NOT NULL,
    published_year  SMALLINT      NOT NULL,
    price           DECIMAL(10,2) NOT NULL,
    currency        CHAR(3)       NOT NULL DEFAULT 'EUR',
    stock           INT           NOT NULL DEFAULT 0,
    cover_url       VARCHAR(500)  NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_books_isbn UNIQUE (isbn),
    CONSTRAINT ck_books_stock CHECK (stock >= 0),
    CONSTRAINT ck_books_price CHECK (price >= 0),
    FULLTEXT INDEX ft_books_text (title, author, description)
) ENGINE = InnoDB;

CREATE INDEX ix_books_genre ON books (genre);
CREATE INDEX ix_books_author ON books (author);
CREATE INDEX ix_books_price ON books (price);
