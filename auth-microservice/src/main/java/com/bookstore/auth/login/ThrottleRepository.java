package com.bookstore.auth.login;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ThrottleRepository extends JpaRepository<ThrottleEntry, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from ThrottleEntry t where t.key = :key")
    Optional<ThrottleEntry> lock(String key);
}
