package com.bookstore.auth.login;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ThrottleRepository extends JpaRepository<ThrottleEntry, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from ThrottleEntry t where t.key = :key")
    Optional<ThrottleEntry> lock(String key);

    /**
     * Makes sure the entry exists without a read first: two first failures at once would otherwise both find
     * nothing and collide on the insert (or deadlock on the gap lock of the locking read).
     */
    @Modifying
    @Query(
            value = "INSERT IGNORE INTO login_throttle (throttle_key, failures, window_started_at) "
                    + "VALUES (:key, 0, :now)",
            nativeQuery = true)
    int insertIfAbsent(String key, Instant now);

    /** Forgets an entry; a no-op when it is gone (two successful logins at once both forget it). */
    @Modifying
    @Query("delete from ThrottleEntry t where t.key = :key")
    int forget(String key);
}
