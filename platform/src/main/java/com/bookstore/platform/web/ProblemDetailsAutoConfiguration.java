package com.bookstore.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Registers the platform's problem+json advice ahead of Spring Boot's own, which then backs off. */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    com.bookstore.platform.pages.LayoutModelAdvice layoutModelAdvice(
            org.springframework.beans.factory.ObjectProvider<com.bookstore.platform.pages.CartBadge.Source> carts) {
        return new com.bookstore.platform.pages.LayoutModelAdvice(carts);
    }

    @Bean
    com.bookstore.platform.pages.PageErrorAdvice pageErrorAdvice() {
        return new com.bookstore.platform.pages.PageErrorAdvice();
    }
}
