package com.bookstore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;

class TokenCheckUnavailableTest {

    private static final AuthenticationServiceException KEYS_UNREACHABLE = new AuthenticationServiceException(
            "An error occurred while attempting to decode the Jwt: Timeout while waiting for cache refresh");

    @Test
    void aTokenThatCouldNotBeCheckedIsA503WithRetryAfterNotA500() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/books/7");
        MockHttpServletResponse response = new MockHttpServletResponse();

        TokenCheckUnavailable.FILTER.doFilter(request, response, (req, res) -> {
            throw KEYS_UNREACHABLE;
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"status\":503")
                .contains("could not be checked")
                .doesNotContain("cache refresh");
    }

    @Test
    void aBrowserGetsTheSitesErrorPageWithRetryAfter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/books/7");
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();

        TokenCheckUnavailable.FILTER.doFilter(request, response, (req, res) -> {
            throw KEYS_UNREACHABLE;
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getErrorMessage()).isNull();
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    }

    @Test
    void otherFailuresAndAnswersAlreadyOnTheirWayAreLeftAlone() {
        MockHttpServletResponse committed = new MockHttpServletResponse();
        committed.setCommitted(true);
        assertThatThrownBy(() -> TokenCheckUnavailable.FILTER.doFilter(
                        new MockHttpServletRequest("GET", "/api/books"), committed, (req, res) -> {
                            throw KEYS_UNREACHABLE;
                        }))
                .isSameAs(KEYS_UNREACHABLE);
        BadCredentialsException refused = new BadCredentialsException("bad token");
        assertThatThrownBy(() -> TokenCheckUnavailable.FILTER.doFilter(
                        new MockHttpServletRequest("GET", "/api/books"), new MockHttpServletResponse(), (req, res) -> {
                            throw refused;
                        }))
                .isSameAs(refused);
    }
}
