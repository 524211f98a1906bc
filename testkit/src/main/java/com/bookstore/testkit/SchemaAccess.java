package com.bookstore.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The accounts and endpoints one service uses for its schema: a writer on the primary and a reader per replica. */
public record SchemaAccess(
        String schema,
        String writerUrl,
        String writerUser,
        String writerPassword,
        List<String> readerUrls,
        String readerUser,
        String readerPassword) {

    /** The {@code bookstore.datasource.*} properties that point the platform's routing at this schema. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("bookstore.datasource.writer.url", writerUrl);
        properties.put("bookstore.datasource.writer.username", writerUser);
        properties.put("bookstore.datasource.writer.password", writerPassword);
        for (int i = 0; i < readerUrls.size(); i++) {
            properties.put("bookstore.datasource.readers[" + i + "].url", readerUrls.get(i));
            properties.put("bookstore.datasource.readers[" + i + "].username", readerUser);
            properties.put("bookstore.datasource.readers[" + i + "].password", readerPassword);
        }
        return properties;
    }

    /** The same settings as environment variables, for a service started as a process. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        properties()
                .forEach((key, value) -> environment.put(
                        key.toUpperCase(java.util.Locale.ROOT)
                                .replace('.', '_')
                                .replace("-", "")
                                .replace("[", "_")
                                .replace("]", ""),
                        value.toString()));
        return environment;
    }

    static SchemaAccess provision(ReplicaSet set, String schema) {
        String writerUser = schema + "_rw";
        String readerUser = schema + "_ro";
        String writerPassword = schema + "-writer-local";
        String readerPassword = schema + "-reader-local";
        set.provisionSchema(schema, writerUser, writerPassword, readerUser, readerPassword);
        return new SchemaAccess(
                schema,
                set.primary().jdbcUrl(schema),
                writerUser,
                writerPassword,
                set.replicas().stream().map(r -> r.jdbcUrl(schema)).toList(),
                readerUser,
                readerPassword);
    }
}
