package com.bookstore.auth.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The fields of the sign-in and registration forms (mutable, as form binding and redisplay want). */
final class AccountForms {

    private AccountForms() {}

    static class LoginForm {
        @NotBlank(message = "Enter your e-mail address.")
        private String email = "";

        @NotBlank(message = "Enter your password.")
        private String password = "";

        private String next = "/";

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getNext() {
            return next;
        }

        public void setNext(String next) {
            this.next = next;
        }
    }

    static class RegisterForm {
        @NotBlank(message = "Enter your e-mail address.")
        @Email(message = "Enter a valid e-mail address.")
        @Size(max = 254, message = "Use at most 254 characters.")
        private String email = "";

        @NotBlank(message = "Enter the name to show.")
        @Size(max = 100, message = "Use at most 100 characters.")
        private String displayName = "";

        private String password = "";

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /**
     * Only a path on this site: never another host ("//evil.example", "https://…"), and only printable ASCII (a
     * line break would split the redirect's Location header; anything else is percent-encoded in a real link).
     */
    static String safeNext(String next) {
        if (next == null
                || next.length() > 2000
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || !next.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "/";
        }
        return next;
    }
}
