package com.bookstore.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CartBadgeTest {

    private static final CurrentUser ADA = new CurrentUser(7, "Ada", List.of("CUSTOMER"), "ada@example.com");

    @Test
    void theServiceThatOwnsCartsCountsAndRemembersTheCountForTheUser() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        Integer count = CartBadge.count(new MockHttpServletRequest(), response, ADA, userId -> 3);

        assertThat(count).isEqualTo(3);
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("cart_badge=7.3;")
                .contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void anUnchangedCountIsNotWrittenAgain() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(CartBadge.COOKIE, "7.3"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(CartBadge.count(request, response, ADA, userId -> 3)).isEqualTo(3);
        assertThat(response.getHeader("Set-Cookie")).isNull();
    }

    @Test
    void otherServicesShowTheRememberedCountOnlyToTheUserItWasWrittenFor() {
        assertThat(remembered("7.3", ADA)).isEqualTo(3);
        assertThat(remembered("8.3", ADA)).isNull();
        assertThat(remembered("7.3", null)).isNull();
    }

    @Test
    void aTamperedOrMalformedCookieShowsNoBadge() {
        assertThat(remembered("7.-1", ADA)).isNull();
        assertThat(remembered("7.99999999999", ADA)).isNull();
        assertThat(remembered("7", ADA)).isNull();
        assertThat(remembered("7.3.4", ADA)).isNull();
        assertThat(remembered("", ADA)).isNull();
    }

    @Test
    void signingOutForgetsTheCount() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        CartBadge.forget(response);
        assertThat(response.getHeader("Set-Cookie")).startsWith("cart_badge=;").contains("Max-Age=0");
    }

    private static Integer remembered(String value, CurrentUser user) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(CartBadge.COOKIE, value));
        return CartBadge.count(request, new MockHttpServletResponse(), user, null);
    }
}
