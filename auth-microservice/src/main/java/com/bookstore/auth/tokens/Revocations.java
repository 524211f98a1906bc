package com.bookstore.auth.tokens;

import com.bookstore.auth.AuthProperties;
import com.bookstore.platform.security.RevocationList;
import com.bookstore.platform.web.DatabaseUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revoked access tokens, one by one ({@code jti}) or a whole session at once ({@code sid}): written at logout and
 * when a refresh token is reused, checked by this service on the writer, and published to the other services as an
 * append-only feed they poll.
 */
@Service
public class Revocations implements RevocationList {

    private static final int FEED_PAGE = 500;

    private final RevocationRepository revocations;
    private final AuthProperties properties;
    private final Clock clock;
    private final TransactionTemplate onTheWriter;
    private final TransactionTemplate onAReplica;

    Revocations(
            RevocationRepository revocations,
            AuthProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.revocations = revocations;
        this.properties = properties;
        this.clock = clock;
        this.onTheWriter = new TransactionTemplate(transactions);
        this.onTheWriter.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.onAReplica = new TransactionTemplate(transactions);
        this.onAReplica.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.onAReplica.setReadOnly(true);
    }

    @Transactional
    public void revoke(String jti, Instant expiresAt) {
        if (jti != null) {
            revocations.insertIfAbsent(jti, expiresAt);
        }
    }

    /**
     * Ends every access token of a session: they were all issued within one access-token lifetime (plus a minute
     * for clocks) before now, so the entry can be dropped after that.
     */
    @Transactional
    public void revokeSession(String sessionId) {
        if (sessionId != null) {
            revocations.insertSessionIfAbsent(
                    sessionId, clock.instant().plus(properties.accessTokenTtl()).plusSeconds(60));
        }
    }

    /**
     * Checked on the writer, so a logout takes effect at once; while the writer is away (the shop is read-only), on
     * a replica, which has every revocation the writer acknowledged before it went.
     */
    @Override
    public boolean isRevoked(String jti, String sessionId) {
        if (jti == null && sessionId == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(onTheWriter.execute(status -> revocations.revoked(jti, sessionId)));
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            return Boolean.TRUE.equals(onAReplica.execute(status -> revocations.revoked(jti, sessionId)));
        }
    }

    /** Revocations after a feed position, oldest first, read on the writer so none is missed. */
    @Transactional
    public List<FeedEntry> after(long position) {
        return revocations.after(position, FEED_PAGE);
    }

    /** One revocation: {@code jti} or {@code sid} (the other is null). */
    public record FeedEntry(long id, String jti, String sid, Instant expiresAt) {}
}
