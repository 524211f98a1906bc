package com.bookstore.platform.web;

import java.util.List;

/** One page of a list, as every list in the API is answered. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        int totalPages = size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
        return new PageResponse<>(List.copyOf(items), page, size, totalItems, totalPages);
    }
}
