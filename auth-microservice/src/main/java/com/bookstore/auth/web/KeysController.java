package com.bookstore.auth.web;

import com.bookstore.auth.tokens.Revocations;
import com.bookstore.auth.tokens.SigningKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the other services need to check tokens: the public keys, and the feed of revoked tokens (internal). */
@RestController
class KeysController {

    private final SigningKeys keys;
    private final Revocations revocations;

    KeysController(SigningKeys keys, Revocations revocations) {
        this.keys = keys;
        this.revocations = revocations;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicJwks());
    }

    @GetMapping("/internal/revocations")
    Map<String, List<Revocations.FeedEntry>> revocations(@RequestParam(defaultValue = "0") long after) {
        return Map.of("revocations", revocations.after(after));
    }
}
