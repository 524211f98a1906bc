package com.bookstore.platform.pages;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shared page layout's model (signed-in user, cart badge, flash), the pages' own error pages, and
 * {@link CurrentUser} as a handler argument for pages and APIs alike.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PagesAutoConfiguration {

    /** Where springdoc writes the API documents (the services' tests): {@link CurrentUser} is no parameter of them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    static class ApiDocuments {
        static {
            // Left out as springdoc leaves out @AuthenticationPrincipal.
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
        }
    }

    @Bean
    LayoutModelAdvice layoutModelAdvice(ObjectProvider<CartBadge.Source> carts) {
        return new LayoutModelAdvice(carts);
    }

    @Bean
    PageErrorAdvice pageErrorAdvice() {
        return new PageErrorAdvice();
    }

    @Bean
    WebMvcConfigurer currentUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
