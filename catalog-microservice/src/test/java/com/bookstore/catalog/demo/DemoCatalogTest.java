package com.bookstore.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.bookstore.testkit.TestIsbns;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private final List<DemoCatalog.DemoBook> books = DemoCatalog.read();

    @Test
    void holdsAtLeast200BooksWithValidUniqueIsbn13s() {
        assertThat(books).hasSizeGreaterThanOrEqualTo(200);
        assertThat(books)
                .allSatisfy(book -> assertThat(TestIsbns.valid(book.isbn()))
                        .as(book.title())
                        .isTrue());
        Set<String> isbns = books.stream().map(DemoCatalog.DemoBook::isbn).collect(Collectors.toSet());
        assertThat(isbns).hasSameSizeAs(books);
    }

    @Test
    void everyBookHasWhatThePagesShow() {
        assertThat(books).allSatisfy(book -> {
            assertThat(book.title()).isNotBlank();
            assertThat(book.author()).isNotBlank();
            assertThat(book.description()).isNotBlank();
            assertThat(book.genre()).isNotBlank();
            assertThat(book.price()).isGreaterThan(BigDecimal.ZERO);
            assertThat(book.stock()).isNotNegative();
        });
        assertThat(books.stream().map(DemoCatalog.DemoBook::genre).distinct().count())
                .isGreaterThanOrEqualTo(10);
        assertThat(books).anySatisfy(book -> assertThat(book.stock()).isZero());
    }
}
