package com.bookstore.catalog.books;

import org.springframework.data.jpa.repository.JpaRepository;

interface BookRepository extends JpaRepository<Book, Long> {

    boolean existsByIsbn(String isbn);
}
