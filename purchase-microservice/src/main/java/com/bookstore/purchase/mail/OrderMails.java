package com.bookstore.purchase.mail;

import com.bookstore.purchase.orders.OrderMailbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Posts an order's e-mail into the mail outbox, in the transaction of the change that owes it (once per kind). */
@Component
class OrderMails implements OrderMailbox {

    private final JdbcTemplate jdbc;

    OrderMails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void post(String orderId, Kind kind) {
        jdbc.update("INSERT IGNORE INTO mail_outbox (order_id, kind) VALUES (?, ?)", orderId, kind.name());
    }
}
