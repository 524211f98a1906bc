package com.bookstore.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.catalog.books.BookView;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class CoversControllerTest {

    @Test
    void aCoverIsWellFormedXmlEvenWithLongNamesAndSpecialCharacters() throws Exception {
        BookView book = new BookView(
                1L,
                "9780141439518",
                "Tom & Jerry's \"Big\" <Adventure> in a Very Long Title Indeed",
                "Nicole Forsgren, Jez Humble and Gene Kim",
                "d",
                "Fiction",
                2018,
                new BigDecimal("9.99"),
                "EUR",
                3,
                null,
                0,
                null);
        String svg = CoversController.svg(book);
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(svg).contains("Tom &amp; Jerry", "…").doesNotContain("&hellip;");
    }
}
