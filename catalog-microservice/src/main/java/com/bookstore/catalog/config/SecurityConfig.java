package com.bookstore.catalog.config;

import com.bookstore.platform.security.BookstoreSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Anyone may browse; only staff (ADMIN) change the catalog. */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain catalogFilterChain(HttpSecurity http, BookstoreSecurity security) throws Exception {
        return security.apply(http)
                .authorizeHttpRequests(requests -> requests.requestMatchers(BookstoreSecurity.OPEN_PATHS)
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/",
                                "/books",
                                "/books/**",
                                "/api/books",
                                "/api/books/**",
                                "/api/genres",
                                "/covers/**")
                        .permitAll()
                        .requestMatchers("/admin/**", "/api/books/**", "/api/books")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
