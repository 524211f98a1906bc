package com.bookstore.auth.tokens;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface RevocationRepository extends JpaRepository<Revocation, Long> {

    boolean existsByJti(String jti);

    List<Revocation> findByIdGreaterThanOrderByIdAsc(long after, Limit limit);
}
