package com.bookstore.auth.web;

import com.bookstore.auth.links.AddressConfirmations;
import com.bookstore.auth.login.LoginThrottle;
import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.platform.web.RateLimitedException;
import com.bookstore.platform.web.StateConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page a confirmation link opens, and "send the link again" on the account page. */
@PageController
class AddressConfirmationPages {

    private final AddressConfirmations confirmations;
    private final LoginThrottle throttle;

    AddressConfirmationPages(AddressConfirmations confirmations, LoginThrottle throttle) {
        this.confirmations = confirmations;
        this.throttle = throttle;
    }

    /** Opening the mailed link confirms the address (a link in a mail is a GET; confirming twice changes nothing). */
    @GetMapping("/account/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        try {
            confirmations.confirm(token);
        } catch (InvalidFieldException e) {
            model.addAttribute("problem", e.getMessage());
            response.setStatus(400);
        }
        return "account/confirmed";
    }

    @PostMapping("/account/confirmation")
    String resend(@AuthenticationPrincipal Jwt token, HttpServletRequest request, HttpServletResponse response) {
        try {
            throttle.countLinkRequest("confirm", token.getSubject(), request.getRemoteAddr());
            confirmations.resend(Long.parseLong(token.getSubject()));
            Flash.set(response, "We sent you a new confirmation link.");
        } catch (RateLimitedException | StateConflictException e) {
            Flash.set(response, e.getMessage());
        }
        return "redirect:/account";
    }
}
