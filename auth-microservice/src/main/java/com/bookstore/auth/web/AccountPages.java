package com.bookstore.auth.web;

import com.bookstore.auth.accounts.EmailTakenException;
import com.bookstore.auth.accounts.Registration;
import com.bookstore.auth.accounts.SignedInAccounts;
import com.bookstore.auth.login.LoginThrottle;
import com.bookstore.auth.login.SignIn;
import com.bookstore.auth.login.SignOut;
import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.platform.security.SessionCookies;
import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.platform.web.NotAuthenticatedException;
import com.bookstore.platform.web.RateLimitedException;
import com.bookstore.platform.web.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, registration and account pages: forms with errors next to their fields, then the session cookies. */
@PageController
class AccountPages {

    private final SignIn signIn;
    private final SignOut signOut;
    private final Registration registration;
    private final SignedInAccounts accounts;
    private final SessionCookieWriter cookies;
    private final LoginThrottle throttle;

    AccountPages(
            SignIn signIn,
            SignOut signOut,
            Registration registration,
            SignedInAccounts accounts,
            SessionCookieWriter cookies,
            LoginThrottle throttle) {
        this.signIn = signIn;
        this.signOut = signOut;
        this.registration = registration;
        this.accounts = accounts;
        this.cookies = cookies;
        this.throttle = throttle;
    }

    /**
     * The sign-in form; or, for a browser that still holds a session (its access cookie lasts minutes, the refresh
     * cookie days), the session renewed without a word and the way back to the page that sent it here.
     */
    @GetMapping("/account/login")
    String loginForm(
            @RequestParam(defaultValue = "/") String next,
            @CookieValue(name = SessionCookies.REFRESH_TOKEN, required = false) String refresh,
            Model model,
            HttpServletResponse response) {
        if (refresh != null && !refresh.isBlank()) {
            try {
                cookies.write(response, signIn.refresh(refresh));
                return "redirect:" + AccountForms.safeNext(next);
            } catch (NotAuthenticatedException e) {
                cookies.clear(response); // ended, expired or reused: the form it is
            }
        }
        AccountForms.LoginForm form = new AccountForms.LoginForm();
        form.setNext(AccountForms.safeNext(next));
        model.addAttribute("form", form);
        return "account/login";
    }

    @PostMapping("/account/login")
    String login(
            @Valid @ModelAttribute("form") AccountForms.LoginForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(400);
            return "account/login";
        }
        try {
            SignIn.Session session = signIn.signIn(form.getEmail(), form.getPassword(), request.getRemoteAddr());
            cookies.write(response, session);
            Flash.set(response, "Welcome back, " + session.user().displayName() + ".");
            return "redirect:" + AccountForms.safeNext(form.getNext());
        } catch (NotAuthenticatedException e) {
            errors.reject("credentials", e.getMessage());
            response.setStatus(401);
        } catch (RateLimitedException e) {
            throttled(e, errors, response);
        }
        form.setPassword("");
        return "account/login";
    }

    @GetMapping("/account/register")
    String registerForm(Model model) {
        model.addAttribute("form", new AccountForms.RegisterForm());
        return "account/register";
    }

    @PostMapping("/account/register")
    String register(
            @Valid @ModelAttribute("form") AccountForms.RegisterForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                throttle.countRegistration(request.getRemoteAddr());
                registration.register(form.getEmail(), form.getPassword(), form.getDisplayName());
                SignIn.Session session = signIn.signIn(form.getEmail(), form.getPassword(), request.getRemoteAddr());
                cookies.write(response, session);
                Flash.set(response, "Welcome to Bookstore, " + session.user().displayName() + ".");
                return "redirect:/";
            } catch (InvalidFieldException e) {
                errors.rejectValue(e.field(), "invalid", e.getMessage());
            } catch (EmailTakenException e) {
                errors.rejectValue("email", "taken", e.getMessage());
            } catch (RateLimitedException e) {
                throttled(e, errors, response);
                form.setPassword("");
                return "account/register";
            }
        }
        response.setStatus(400);
        form.setPassword("");
        return "account/register";
    }

    /** The form again, with the throttle's message above it: 429 and when to try again. */
    private static void throttled(RateLimitedException e, BindingResult errors, HttpServletResponse response) {
        errors.reject("throttled", e.getMessage());
        response.setStatus(429);
        response.setHeader(
                HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, e.retryAfter().toSeconds())));
    }

    @GetMapping("/account")
    String profile(@AuthenticationPrincipal Jwt token, Model model) {
        model.addAttribute(
                "account",
                accounts.show(Long.parseLong(token.getSubject()))
                        .orElseThrow(() -> new ResourceNotFoundException("This account no longer exists.")));
        return "account/profile";
    }

    @PostMapping("/account/logout")
    String logout(
            @AuthenticationPrincipal Jwt token,
            @CookieValue(name = SessionCookies.REFRESH_TOKEN, required = false) String refresh,
            HttpServletResponse response) {
        if (token != null) {
            signOut.endSession(token.getId(), token.getExpiresAt(), token.getClaimAsString("sid"));
        }
        if (refresh != null && !refresh.isBlank()) {
            signOut.endSessionOf(refresh);
        }
        cookies.clear(response);
        Flash.set(response, "You are signed out.");
        return "redirect:/";
    }
}
