package com.bookstore.auth.tokens;

import com.bookstore.platform.security.RevocationList;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revoked access tokens: written at logout, checked by this service on the writer, and published to the other
 * services as an append-only feed they poll.
 */
@Service
public class Revocations implements RevocationList {

    private static final int FEED_PAGE = 500;

    private final RevocationRepository revocations;

    Revocations(RevocationRepository revocations) {
        this.revocations = revocations;
    }

    @Transactional
    public void revoke(String jti, Instant expiresAt) {
        if (jti != null) {
            revocations.insertIfAbsent(jti, expiresAt);
        }
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean isRevoked(String jti) {
        return jti != null && revocations.existsByJti(jti);
    }

    /** Revocations after a feed position, oldest first, read on the writer so none is missed. */
    @Transactional
    public List<FeedEntry> after(long position) {
        return revocations.findByIdGreaterThanOrderByIdAsc(position, Limit.of(FEED_PAGE)).stream()
                .map(r -> new FeedEntry(r.id(), r.jti(), r.expiresAt()))
                .toList();
    }

    public record FeedEntry(long id, String jti, Instant expiresAt) {}
}
