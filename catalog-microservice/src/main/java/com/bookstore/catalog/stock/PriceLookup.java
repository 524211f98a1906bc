package com.bookstore.catalog.stock;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Current title, price and stock of books, for pricing an order: read on the writer, never a stale replica. */
@Service
public class PriceLookup {

    private final NamedParameterJdbcTemplate jdbc;

    PriceLookup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public List<PricedBook> lookup(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT id, title, price, currency, stock FROM books WHERE id IN (:ids) ORDER BY id",
                java.util.Map.of("ids", ids),
                (rs, row) -> new PricedBook(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getBigDecimal("price"),
                        rs.getString("currency"),
                        rs.getInt("stock")));
    }

    public record PricedBook(
            long id,
            String title,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
            String currency,
            int stock) {}
}
