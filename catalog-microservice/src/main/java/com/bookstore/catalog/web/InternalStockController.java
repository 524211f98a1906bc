package com.bookstore.catalog.web;

import com.bookstore.catalog.stock.PriceLookup;
import com.bookstore.catalog.stock.Reservation;
import com.bookstore.catalog.stock.ReservationLine;
import com.bookstore.catalog.stock.StockReservations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The purchase service's view of the catalog: prices for an order, and its stock reservation. Never public. */
@RestController
@RequestMapping("/internal")
@Validated
class InternalStockController {

    private final PriceLookup prices;
    private final StockReservations reservations;

    InternalStockController(PriceLookup prices, StockReservations reservations) {
        this.prices = prices;
        this.reservations = reservations;
    }

    record LookupRequest(@NotNull @Size(max = 200) List<@NotNull Long> ids) {}

    record ReserveRequest(@NotEmpty @Size(max = 200) List<@Valid ReservationLine> items) {}

    /** {@code fresh=true} (the default) reads on the writer, to price an order; {@code false} on a replica. */
    @PostMapping("/books/lookup")
    List<PriceLookup.PricedBook> lookup(
            @Valid @RequestBody LookupRequest request, @RequestParam(defaultValue = "true") boolean fresh) {
        return fresh ? prices.forPricing(request.ids()) : prices.forDisplay(request.ids());
    }

    @PostMapping("/reservations/{orderId}")
    Reservation reserve(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String orderId,
            @Valid @RequestBody ReserveRequest request) {
        return reservations.reserve(orderId, request.items());
    }

    @PostMapping("/reservations/{orderId}/release")
    Reservation release(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String orderId) {
        return reservations.release(orderId);
    }
}
