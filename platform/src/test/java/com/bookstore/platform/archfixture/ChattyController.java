package com.bookstore.platform.archfixture;

import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller that reads a repository itself: what the architecture rules must refuse. */
@RestController
class ChattyController {

    private final Shelf shelf;

    ChattyController(Shelf shelf) {
        this.shelf = shelf;
    }

    @GetMapping("/chatty")
    String read() {
        return shelf.read();
    }

    @Repository
    static class Shelf {
        String read() {
            return "";
        }
    }
}
