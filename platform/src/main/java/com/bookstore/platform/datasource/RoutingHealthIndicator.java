package com.bookstore.platform.datasource;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Health of the writer (checked now) and of each reader (as its probe last saw it). Down only when the writer is. */
final class RoutingHealthIndicator extends AbstractHealthIndicator {

    private final ReadWriteRouting routing;

    RoutingHealthIndicator(ReadWriteRouting routing) {
        super("Database routing health check failed");
        this.routing = routing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> writer = new LinkedHashMap<>();
        writer.put("url", routing.writerPool().getJdbcUrl());
        boolean writerUp;
        try (Connection connection = routing.writerPool().getConnection()) {
            writerUp = connection.isValid(1);
            writer.put("status", writerUp ? "UP" : "DOWN");
        } catch (Exception e) {
            writerUp = false;
            writer.put("status", "DOWN");
            writer.put("error", e.getMessage());
        }
        List<Map<String, Object>> readers = routing.readers().stream()
                .map(reader -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("name", reader.name());
                    details.put("url", reader.url());
                    details.put("status", reader.state().name());
                    details.put("lagSeconds", reader.lagSeconds());
                    details.put("readOnly", reader.readOnly());
                    if (reader.lastError() != null) {
                        details.put("error", reader.lastError());
                    }
                    return details;
                })
                .toList();
        long usable = routing.readers().stream().filter(ReaderEndpoint::usable).count();
        builder.status(writerUp ? "UP" : "DOWN")
                .withDetail("writer", writer)
                .withDetail("readers", readers)
                .withDetail("readsServedBy", usable > 0 ? usable + " reader(s)" : "writer (no usable reader)");
    }
}
