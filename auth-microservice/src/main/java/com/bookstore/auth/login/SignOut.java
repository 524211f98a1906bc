package com.bookstore.auth.login;

import com.bookstore.auth.tokens.RefreshTokens;
import com.bookstore.auth.tokens.Revocations;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Ends a session: its refresh family can no longer be used and its access token is refused everywhere. */
@Service
public class SignOut {

    private final RefreshTokens refreshTokens;
    private final Revocations revocations;

    SignOut(RefreshTokens refreshTokens, Revocations revocations) {
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
    }

    public void endSession(String jti, Instant expiresAt, String sessionId) {
        revocations.revoke(jti, expiresAt);
        if (sessionId != null) {
            refreshTokens.revokeFamily(sessionId);
        }
    }

    public void endSessionOf(String refreshToken) {
        refreshTokens.familyOf(refreshToken).ifPresent(refreshTokens::revokeFamily);
    }
}
