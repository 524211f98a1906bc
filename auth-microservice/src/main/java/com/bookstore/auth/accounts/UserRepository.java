package com.bookstore.auth.accounts;

import com.bookstore.platform.jdbc.Timestamps;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The accounts and their roles, in the caller's transaction. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findById(long id) {
        return find("id = ?", id);
    }

    Optional<User> findByEmail(String email) {
        return find("email = ?", email);
    }

    boolean existsByEmail(String email) {
        return count("SELECT COUNT(*) FROM users WHERE email = ?", email) > 0;
    }

    boolean anyWithRole(Role role) {
        return count("SELECT COUNT(*) FROM user_roles WHERE role = ?", role.name()) > 0;
    }

    /** The new account's id. */
    long insert(String email, String displayName, String passwordHash, Set<Role> roles) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO users (email, display_name, password_hash) VALUES (?, ?, ?)")
                .params(email, displayName, passwordHash)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")
                    .params(id, role.name())
                    .update();
        }
        return id;
    }

    void replacePasswordHash(long id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
                .params(passwordHash, id)
                .update();
    }

    /** Marks the address confirmed, once: a later confirmation keeps the first time. */
    void confirmEmail(long id, Instant at) {
        jdbc.sql("UPDATE users SET email_confirmed_at = ? WHERE id = ? AND email_confirmed_at IS NULL")
                .params(Timestamp.from(at), id)
                .update();
    }

    private Optional<User> find(String condition, Object value) {
        return jdbc.sql("SELECT id, email, display_name, password_hash, email_confirmed_at FROM users WHERE "
                        + condition)
                .param(value)
                .query((rs, row) -> new User(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getString("password_hash"),
                        rolesOf(rs.getLong("id")),
                        Timestamps.instant(rs.getTimestamp("email_confirmed_at"))))
                .optional();
    }

    private Set<Role> rolesOf(long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_roles WHERE user_id = ?")
                .param(userId)
                .query(String.class)
                .list()
                .forEach(role -> roles.add(Role.valueOf(role)));
        return roles;
    }

    private long count(String sql, Object value) {
        return jdbc.sql(sql).param(value).query(Long.class).single();
    }
}
