package com.bookstore.purchase.config;

import com.bookstore.platform.security.BookstoreSecurity;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Customers buy (signed in), staff see all orders, anyone may read the delivery options. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(PurchaseProperties.class)
class PurchaseConfig {

    @Bean
    SecurityFilterChain purchaseFilterChain(HttpSecurity http, BookstoreSecurity security) throws Exception {
        return security.apply(http)
                .authorizeHttpRequests(requests -> requests.requestMatchers(BookstoreSecurity.OPEN_PATHS)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/delivery/options")
                        .permitAll()
                        .requestMatchers("/api/admin/**", "/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
