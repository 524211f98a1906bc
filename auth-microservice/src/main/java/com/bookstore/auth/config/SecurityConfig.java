package com.bookstore.auth.config;

import com.bookstore.auth.AuthProperties;
import com.bookstore.auth.tokens.Revocations;
import com.bookstore.auth.tokens.SigningKeys;
import com.bookstore.platform.security.BookstoreJwtDecoders;
import com.bookstore.platform.security.BookstoreSecurity;
import com.bookstore.platform.security.SecurityProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what in the auth service; tokens are checked against its own keys and its own revocations. */
@Configuration
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain authFilterChain(HttpSecurity http, BookstoreSecurity security) throws Exception {
        return security.apply(http)
                .authorizeHttpRequests(requests -> requests.requestMatchers(BookstoreSecurity.OPEN_PATHS)
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/auth/register",
                                "/api/auth/login",
                                "/api/auth/refresh",
                                "/api/auth/logout",
                                "/api/auth/password-reset",
                                "/api/auth/password-reset/confirm",
                                "/api/auth/confirm-email",
                                "/account/login",
                                "/account/register",
                                "/account/logout",
                                "/account/forgot",
                                "/account/reset")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/.well-known/jwks.json",
                                "/account/login",
                                "/account/register",
                                "/account/forgot",
                                "/account/reset",
                                "/account/confirm")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties, Revocations revocations) {
        return BookstoreJwtDecoders.from(keys.verificationKeys(), properties, revocations);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
