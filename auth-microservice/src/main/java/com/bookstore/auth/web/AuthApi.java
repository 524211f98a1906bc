package com.bookstore.auth.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request and response bodies of {@code /api/auth}. */
final class AuthApi {

    private AuthApi() {}

    record RegisterRequest(
            @NotBlank(message = "Enter your e-mail address.")
            @Email(message = "Enter a valid e-mail address.")
            @Size(max = 254, message = "Use at most 254 characters.")
            String email,

            @NotNull(message = "Choose a password.") String password,

            @NotBlank(message = "Enter the name to show.") @Size(max = 100, message = "Use at most 100 characters.")
            String displayName) {}

    record LoginRequest(
            @NotBlank(message = "Enter your e-mail address.") @Size(max = 254)
            String email,

            @NotNull(message = "Enter your password.") @Size(max = 1024)
            String password) {}

    record RefreshRequest(String refreshToken) {}

    record PasswordResetRequest(
            @NotBlank(message = "Enter your e-mail address.") @Size(max = 254, message = "Use at most 254 characters.")
            String email) {}

    record EmailConfirmation(
            @NotBlank(message = "The link's token is missing.") @Size(max = 100)
            String token) {}

    record PasswordResetConfirmation(
            @NotBlank(message = "The link's token is missing.") @Size(max = 100)
            String token,

            @NotNull(message = "Choose a password.") String password) {}

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {}
}
