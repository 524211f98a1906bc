package com.bookstore.platform.web;

import com.bookstore.platform.pages.CartBadge;
import com.bookstore.platform.pages.LayoutModelAdvice;
import com.bookstore.platform.pages.PageErrorAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Registers the platform's problem+json advice ahead of Spring Boot's own, which then backs off, and the shared
 * page layout's model and error pages.
 */
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
    LayoutModelAdvice layoutModelAdvice(ObjectProvider<CartBadge.Source> carts) {
        return new LayoutModelAdvice(carts);
    }

    @Bean
    PageErrorAdvice pageErrorAdvice() {
        return new PageErrorAdvice();
    }
}
