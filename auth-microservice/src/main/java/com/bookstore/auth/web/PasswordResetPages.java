package com.bookstore.auth.web;

import com.bookstore.auth.accounts.EmailAddresses;
import com.bookstore.auth.links.PasswordResets;
import com.bookstore.auth.login.LoginThrottle;
import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.platform.web.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?": the form that mails a link (the same answer whether or not the address has an account),
 * and the page the link opens, where a new password is chosen; then the sign-in form.
 */
@PageController
class PasswordResetPages {

    private final PasswordResets resets;
    private final LoginThrottle throttle;

    PasswordResetPages(PasswordResets resets, LoginThrottle throttle) {
        this.resets = resets;
        this.throttle = throttle;
    }

    @GetMapping("/account/forgot")
    String forgotForm(Model model) {
        model.addAttribute("form", new ForgotForm());
        return "account/forgot";
    }

    @PostMapping("/account/forgot")
    String forgot(
            @Valid @ModelAttribute("form") ForgotForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            return "account/forgot";
        }
        try {
            throttle.countLinkRequest("reset", EmailAddresses.normalize(form.getEmail()), request.getRemoteAddr());
        } catch (RateLimitedException e) {
            errors.reject("throttled", e.getMessage());
            response.setStatus(429);
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            return "account/forgot";
        }
        resets.request(form.getEmail());
        model.addAttribute("sentTo", form.getEmail().trim());
        return "account/forgot";
    }

    @GetMapping("/account/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        ResetForm form = new ResetForm();
        form.setToken(token);
        model.addAttribute("form", form);
        return "account/reset";
    }

    @PostMapping("/account/reset")
    String reset(@Valid @ModelAttribute("form") ResetForm form, BindingResult errors, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                resets.confirm(form.getToken(), form.getPassword());
                Flash.set(
                        response,
                        "Your password is changed, and every session of your account has ended. Sign"
                                + " in with the new password.");
                return "redirect:/account/login";
            } catch (InvalidFieldException e) {
                if (e.field().equals("token")) {
                    errors.reject("token", e.getMessage());
                } else {
                    errors.rejectValue(e.field(), "invalid", e.getMessage());
                }
            }
        }
        response.setStatus(400);
        form.setPassword("");
        return "account/reset";
    }

    static class ForgotForm {
        @NotBlank(message = "Enter your e-mail address.")
        @Size(max = 254, message = "Use at most 254 characters.")
        private String email = "";

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    static class ResetForm {
        @Size(max = 100)
        private String token = "";

        private String password = "";

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }
}
