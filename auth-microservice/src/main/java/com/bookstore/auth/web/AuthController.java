package com.bookstore.auth.web;

import com.bookstore.auth.accounts.EmailAddresses;
import com.bookstore.auth.accounts.Registration;
import com.bookstore.auth.accounts.SignedInAccounts;
import com.bookstore.auth.accounts.UserView;
import com.bookstore.auth.links.AddressConfirmations;
import com.bookstore.auth.links.PasswordResets;
import com.bookstore.auth.login.LoginThrottle;
import com.bookstore.auth.login.SignIn;
import com.bookstore.auth.login.SignOut;
import com.bookstore.platform.security.SessionCookies;
import com.bookstore.platform.web.NotAuthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of accounts and sessions: register, login, refresh, logout, me. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final Registration registration;
    private final SignIn signIn;
    private final SignOut signOut;
    private final SignedInAccounts accounts;
    private final SessionCookieWriter cookies;
    private final LoginThrottle throttle;
    private final PasswordResets resets;
    private final AddressConfirmations confirmations;

    AuthController(
            Registration registration,
            SignIn signIn,
            SignOut signOut,
            SignedInAccounts accounts,
            SessionCookieWriter cookies,
            LoginThrottle throttle,
            PasswordResets resets,
            AddressConfirmations confirmations) {
        this.resets = resets;
        this.confirmations = confirmations;
        this.registration = registration;
        this.signIn = signIn;
        this.signOut = signOut;
        this.accounts = accounts;
        this.cookies = cookies;
        this.throttle = throttle;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/register")
    ResponseEntity<UserView> register(@Valid @RequestBody AuthApi.RegisterRequest request, HttpServletRequest http) {
        throttle.countRegistration(http.getRemoteAddr());
        UserView user = registration.register(request.email(), request.password(), request.displayName());
        return ResponseEntity.created(URI.create("/api/auth/me")).body(user);
    }

    @PostMapping("/login")
    AuthApi.TokenResponse login(
            @Valid @RequestBody AuthApi.LoginRequest request, HttpServletRequest http, HttpServletResponse response) {
        SignIn.Session session = signIn.signIn(request.email(), request.password(), http.getRemoteAddr());
        cookies.write(response, session);
        return tokens(session);
    }

    @PostMapping("/refresh")
    AuthApi.TokenResponse refresh(
            @RequestBody(required = false) AuthApi.RefreshRequest request,
            @CookieValue(name = SessionCookies.REFRESH_TOKEN, required = false) String cookie,
            HttpServletResponse response) {
        String presented = request != null && request.refreshToken() != null ? request.refreshToken() : cookie;
        if (presented == null || presented.isBlank()) {
            throw new NotAuthenticatedException("A refresh token is required.");
        }
        SignIn.Session session = signIn.refresh(presented);
        cookies.write(response, session);
        return tokens(session);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/logout")
    ResponseEntity<Void> logout(
            @AuthenticationPrincipal Jwt accessToken,
            @RequestBody(required = false) AuthApi.RefreshRequest request,
            @CookieValue(name = SessionCookies.REFRESH_TOKEN, required = false) String cookie,
            HttpServletResponse response) {
        if (accessToken != null) {
            signOut.endSession(accessToken.getId(), accessToken.getExpiresAt(), accessToken.getClaimAsString("sid"));
        }
        String refresh = request != null && request.refreshToken() != null ? request.refreshToken() : cookie;
        if (refresh != null && !refresh.isBlank()) {
            signOut.endSessionOf(refresh);
        }
        cookies.clear(response);
        return ResponseEntity.noContent().build();
    }

    /**
     * Mails a link to set a new password, if an account has this address: 202 either way, so the answer tells
     * nobody which addresses have accounts. Throttled per address asked for and per client (429).
     */
    @PostMapping("/password-reset")
    ResponseEntity<Void> requestPasswordReset(
            @Valid @RequestBody AuthApi.PasswordResetRequest request, HttpServletRequest http) {
        throttle.countLinkRequest("reset", EmailAddresses.normalize(request.email()), http.getRemoteAddr());
        resets.request(request.email());
        return ResponseEntity.accepted().build();
    }

    /** Sets the new password of the link's account and ends all its sessions: 204, or 400 for a spent link. */
    @PostMapping("/password-reset/confirm")
    ResponseEntity<Void> confirmPasswordReset(@Valid @RequestBody AuthApi.PasswordResetConfirmation request) {
        resets.confirm(request.token(), request.password());
        return ResponseEntity.noContent().build();
    }

    /** Confirms the address of a mailed link's account: 204, or 400 for a link that is spent. */
    @PostMapping("/confirm-email")
    ResponseEntity<Void> confirmEmail(@Valid @RequestBody AuthApi.EmailConfirmation request) {
        confirmations.confirm(request.token());
        return ResponseEntity.noContent().build();
    }

    /** Mails the signed-in account a new confirmation link: 202, or 409 when its address is confirmed already. */
    @PostMapping("/confirm-email/resend")
    ResponseEntity<Void> resendConfirmation(@AuthenticationPrincipal Jwt accessToken, HttpServletRequest http) {
        throttle.countLinkRequest("confirm", accessToken.getSubject(), http.getRemoteAddr());
        confirmations.resend(Long.parseLong(accessToken.getSubject()));
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/me")
    UserView me(@AuthenticationPrincipal Jwt accessToken) {
        return accounts.show(Long.parseLong(accessToken.getSubject()))
                .orElseThrow(() -> new NotAuthenticatedException("This account no longer exists."));
    }

    private static AuthApi.TokenResponse tokens(SignIn.Session session) {
        long expiresIn = Math.max(
                0,
                Duration.between(Instant.now(), session.accessToken().expiresAt())
                        .toSeconds());
        return new AuthApi.TokenResponse(
                session.accessToken().value(),
                "Bearer",
                expiresIn,
                session.refreshToken().value());
    }
}
