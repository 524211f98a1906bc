package com.bookstore.auth.login;

import com.bookstore.auth.accounts.EmailAddresses;
import com.bookstore.auth.accounts.PasswordHashing;
import com.bookstore.auth.accounts.UserAccounts;
import com.bookstore.auth.accounts.UserView;
import com.bookstore.auth.tokens.AccessTokens;
import com.bookstore.auth.tokens.RefreshTokens;
import com.bookstore.platform.web.NotAuthenticatedException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Signing in: throttle check, password check (the same work and the same answer for an unknown account), hash
 * upgrade when the parameters changed, then a new session: a refresh-token family and an access token.
 */
@Service
public class SignIn {

    static final String GENERIC_FAILURE = "The e-mail address or the password is not correct.";

    private final LoginThrottle throttle;
    private final UserAccounts accounts;
    private final PasswordHashing hashing;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;

    SignIn(
            LoginThrottle throttle,
            UserAccounts accounts,
            PasswordHashing hashing,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.hashing = hashing;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
    }

    public Session signIn(String email, String password, String clientAddress) {
        String account = EmailAddresses.normalize(email);
        throttle.checkAllowed(account, clientAddress);
        Optional<UserAccounts.Credentials> credentials = accounts.credentials(account);
        boolean valid;
        if (credentials.isPresent()) {
            valid = hashing.matches(
                    password == null ? "" : password, credentials.get().passwordHash());
        } else {
            hashing.matchNobody(password == null ? "" : password);
            valid = false;
        }
        if (!valid) {
            throttle.recordFailure(account, clientAddress);
            throw new NotAuthenticatedException(GENERIC_FAILURE);
        }
        throttle.recordSuccess(account);
        UserView user = credentials.get().user();
        if (hashing.needsUpgrade(credentials.get().passwordHash())) {
            accounts.replaceHash(user.id(), hashing.hash(password));
        }
        RefreshTokens.Issued refresh = refreshTokens.start(user.id());
        return new Session(user, accessTokens.issue(user, refresh.familyId()), refresh);
    }

    /** Trades a refresh token for a new pair; a reused or unknown token is refused. */
    public Session refresh(String refreshToken) {
        RefreshTokens.Issued next = refreshTokens
                .rotate(refreshToken == null ? "" : refreshToken)
                .next()
                .orElseThrow(() -> new NotAuthenticatedException("The refresh token is not valid any more."));
        UserView user = accounts.find(next.userId())
                .orElseThrow(() -> new NotAuthenticatedException("The refresh token is not valid any more."));
        return new Session(user, accessTokens.issue(user, next.familyId()), next);
    }

    /** A signed-in session: who, and the two tokens. */
    public record Session(UserView user, AccessTokens.AccessToken accessToken, RefreshTokens.Issued refreshToken) {}
}
