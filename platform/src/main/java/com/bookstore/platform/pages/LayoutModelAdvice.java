package com.bookstore.platform.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: who is signed in, and the one-time message if there is one. */
@ControllerAdvice(annotations = PageController.class)
public class LayoutModelAdvice {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
    }

    @ModelAttribute("flash")
    String flash(HttpServletRequest request, HttpServletResponse response) {
        return Flash.take(request, response);
    }
}
