package com.bookstore.catalog.web;

import com.bookstore.catalog.books.BookView;
import com.bookstore.catalog.books.Catalog;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cover images drawn from the book itself (an SVG with title and author on a colour of its own), for books without
 * a cover URL. The address carries the book's version, so the image can be cached for good.
 */
@RestController
class CoversController {

    private static final String[] PALETTE = {
        "#0b5d4b", "#6b2d5c", "#1f3f77", "#8a3b12", "#35524a", "#5b3a8c", "#7a1f2b", "#2f5d8a", "#4e5d1f", "#8c5a0b"
    };

    private final Catalog catalog;

    CoversController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(value = "/covers/{id}.svg", produces = "image/svg+xml")
    ResponseEntity<String> cover(@PathVariable long id) {
        BookView book = catalog.get(id);
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable())
                .body(svg(book));
    }

    static String svg(BookView book) {
        String colour = PALETTE[Math.floorMod(book.isbn().hashCode(), PALETTE.length)];
        StringBuilder title = new StringBuilder();
        int y = 90;
        for (String line : wrap(book.title(), 16, 5)) {
            title.append("<text x=\"100\" y=\"")
                    .append(y)
                    .append("\" class=\"t\">")
                    .append(xml(line))
                    .append("</text>");
            y += 26;
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 300\" role=\"img\" aria-label=\""
                + xml(book.title() + " by " + book.author()) + "\">"
                + "<style>.t{font:700 20px Georgia,serif;fill:#fff;text-anchor:middle}"
                + ".a{font:italic 15px Georgia,serif;fill:#f3ead7;text-anchor:middle}</style>"
                + "<rect width=\"200\" height=\"300\" fill=\"" + colour + "\"/>"
                + "<rect x=\"12\" y=\"12\" width=\"176\" height=\"276\" fill=\"none\" stroke=\"#f3ead7\" stroke-width=\"2\"/>"
                + title
                + "<text x=\"100\" y=\"262\" class=\"a\">" + xml(shorten(book.author(), 22))
                + "</text>"
                + "</svg>";
    }

    static java.util.List<String> wrap(String text, int width, int maxLines) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (!line.isEmpty() && line.length() + word.length() + 1 > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            lines = new java.util.ArrayList<>(lines.subList(0, maxLines));
            lines.set(maxLines - 1, shorten(lines.get(maxLines - 1) + "…", width));
        }
        return lines;
    }

    /** XML, not HTML, escaping: SVG knows no HTML entities such as {@code &hellip;}. */
    static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
