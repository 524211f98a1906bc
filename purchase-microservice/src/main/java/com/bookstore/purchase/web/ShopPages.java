package com.bookstore.purchase.web;

import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.platform.web.ResourceNotFoundException;
import com.bookstore.platform.web.StateConflictException;
import com.bookstore.purchase.cart.CartView;
import com.bookstore.purchase.cart.Carts;
import com.bookstore.purchase.catalog.CatalogClient;
import com.bookstore.purchase.checkout.Cancellation;
import com.bookstore.purchase.checkout.Checkout;
import com.bookstore.purchase.checkout.CheckoutRequest;
import com.bookstore.purchase.delivery.DeliveryOption;
import com.bookstore.purchase.delivery.Shipping;
import com.bookstore.purchase.orders.OrderStatus;
import com.bookstore.purchase.orders.OrderView;
import com.bookstore.purchase.orders.Orders;
import com.bookstore.purchase.orders.ShippingAddress;
import com.bookstore.purchase.payment.CardDetails;
import com.bookstore.purchase.payment.Payments;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The customer's pages: cart, checkout, payment, orders with their delivery timeline; and the staff order list. */
@PageController
class ShopPages {

    private final Carts carts;
    private final CatalogClient catalog;
    private final Checkout checkout;
    private final Payments payments;
    private final Orders orders;
    private final Cancellation cancellation;
    private final Shipping shipping;
    private final Validator validator;
    private final JsonMapper json;

    ShopPages(
            Carts carts,
            CatalogClient catalog,
            Checkout checkout,
            Payments payments,
            Orders orders,
            Cancellation cancellation,
            Shipping shipping,
            Validator validator,
            JsonMapper json) {
        this.carts = carts;
        this.catalog = catalog;
        this.checkout = checkout;
        this.payments = payments;
        this.orders = orders;
        this.cancellation = cancellation;
        this.shipping = shipping;
        this.validator = validator;
        this.json = json;
    }

    @PostMapping("/cart/items")
    String addToCart(
            @AuthenticationPrincipal Jwt user,
            @RequestParam long bookId,
            @RequestParam(defaultValue = "1") int quantity,
            HttpServletResponse response) {
        long userId = CartController.userId(user);
        CatalogClient.PricedBook book = catalog.lookup(List.of(bookId)).get(bookId);
        if (book == null) {
            throw new ResourceNotFoundException("There is no book " + bookId + ".");
        }
        int already = carts.linesForCheckout(userId).stream()
                .filter(line -> line.bookId() == bookId)
                .mapToInt(Carts.CartLine::quantity)
                .sum();
        carts.setQuantity(userId, bookId, Math.max(1, Math.min(99, already + Math.max(1, quantity))));
        Flash.set(response, "“" + book.title() + "” is in your cart.");
        return "redirect:/cart";
    }

    @GetMapping("/cart")
    String cart(@AuthenticationPrincipal Jwt user, Model model) {
        model.addAttribute("cart", cartOf(CartController.userId(user)));
        return "cart";
    }

    @PostMapping("/cart/items/{bookId}")
    String changeQuantity(
            @AuthenticationPrincipal Jwt user,
            @PathVariable long bookId,
            @RequestParam int quantity,
            HttpServletResponse response) {
        if (quantity < 0 || quantity > 99) {
            Flash.set(response, "Choose between 0 and 99 copies.");
            return "redirect:/cart";
        }
        if (quantity > 0 && !catalog.lookup(List.of(bookId)).containsKey(bookId)) {
            throw new ResourceNotFoundException("There is no book " + bookId + "."); // as the API answers: 404
        }
        carts.setQuantity(CartController.userId(user), bookId, quantity);
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{bookId}/remove")
    String remove(@AuthenticationPrincipal Jwt user, @PathVariable long bookId) {
        carts.remove(CartController.userId(user), bookId);
        return "redirect:/cart";
    }

    @GetMapping("/checkout")
    String checkoutForm(@AuthenticationPrincipal Jwt user, Model model, HttpServletResponse response) {
        CartView cart = cartOf(CartController.userId(user));
        if (cart.items().isEmpty()) {
            Flash.set(response, "Your cart is empty.");
            return "redirect:/cart";
        }
        model.addAttribute("cart", cart);
        model.addAttribute("form", new CheckoutForm());
        model.addAttribute("options", DeliveryOption.values());
        return "checkout";
    }

    @PostMapping("/checkout")
    String placeOrder(
            @AuthenticationPrincipal Jwt user,
            @ModelAttribute("form") CheckoutForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        long userId = CartController.userId(user);
        CheckoutRequest request = form.request();
        for (ConstraintViolation<CheckoutRequest> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString().replace("shippingAddress.", "");
            errors.rejectValue(path, "invalid", violation.getMessage());
        }
        if (!errors.hasErrors()) {
            try {
                OrderView order = checkout.placeOrder(userId, request);
                return "redirect:/orders/" + order.id() + "/pay";
            } catch (InvalidFieldException e) {
                Flash.set(response, e.getMessage());
                return "redirect:/cart";
            } catch (StateConflictException e) {
                errors.reject("stock", e.getMessage());
                response.setStatus(409);
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("cart", cartOf(userId));
        model.addAttribute("options", DeliveryOption.values());
        return "checkout";
    }

    @GetMapping("/orders/{id}/pay")
    String payForm(@AuthenticationPrincipal Jwt user, @PathVariable String id, Model model) {
        OrderView order = orders.get(CartController.userId(user), id);
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return "redirect:/orders/" + id;
        }
        model.addAttribute("order", order);
        model.addAttribute("form", new PaymentForm(UUID.randomUUID().toString()));
        return "pay";
    }

    @PostMapping("/orders/{id}/pay")
    String pay(
            @AuthenticationPrincipal Jwt user,
            @PathVariable String id,
            @ModelAttribute("form") PaymentForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        long userId = CartController.userId(user);
        CardDetails card = form.card();
        for (ConstraintViolation<CardDetails> violation : validator.validate(card)) {
            errors.rejectValue(violation.getPropertyPath().toString(), "invalid", violation.getMessage());
        }
        if (!errors.hasErrors()) {
            try {
                Payments.Answer answer = payments.pay(userId, id, form.getIdempotencyKey(), card);
                if (answer.status() == 200) {
                    Flash.set(response, "Thank you! Your payment was received.");
                    return "redirect:/orders/" + id;
                }
                JsonNode problem = json.readTree(answer.body());
                if (answer.status() != 402) {
                    Flash.set(response, problem.get("detail").asString());
                    return "redirect:/orders/" + id;
                }
                errors.reject("declined", problem.get("detail").asString());
                response.setStatus(402);
                form.setIdempotencyKey(UUID.randomUUID().toString());
            } catch (InvalidFieldException e) {
                errors.rejectValue(e.field(), "invalid", e.getMessage());
                response.setStatus(400);
            }
        } else {
            response.setStatus(400);
        }
        form.setCardNumber("");
        form.setCvc("");
        model.addAttribute("order", orders.get(userId, id));
        return "pay";
    }

    @GetMapping("/orders")
    String history(@AuthenticationPrincipal Jwt user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", orders.history(CartController.userId(user), Math.max(0, page), 20));
        return "orders/list";
    }

    @GetMapping("/orders/{id}")
    String order(@AuthenticationPrincipal Jwt user, @PathVariable String id, Model model) {
        model.addAttribute("order", orders.get(CartController.userId(user), id));
        return "orders/detail";
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@AuthenticationPrincipal Jwt user, @PathVariable String id, HttpServletResponse response) {
        try {
            cancellation.cancel(CartController.userId(user), id);
            Flash.set(response, "Your order is cancelled.");
        } catch (StateConflictException e) {
            Flash.set(response, e.getMessage());
        }
        return "redirect:/orders/" + id;
    }

    @GetMapping("/admin/orders")
    String staffOrders(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("status", status);
        model.addAttribute(
                "statuses",
                List.of(
                        OrderStatus.PENDING_PAYMENT,
                        OrderStatus.PAID,
                        OrderStatus.SHIPPED,
                        OrderStatus.DELIVERED,
                        OrderStatus.CANCELLED,
                        OrderStatus.EXPIRED));
        model.addAttribute("page", orders.all(status, Math.max(0, page), 25));
        return "admin/orders";
    }

    @PostMapping("/admin/orders/{id}/{action}")
    String staffAction(@PathVariable String id, @PathVariable String action, HttpServletResponse response) {
        try {
            OrderView order = switch (action) {
                case "ship" -> shipping.ship(id);
                case "deliver" -> shipping.deliver(id);
                default -> throw new ResourceNotFoundException("No such action.");
            };
            Flash.set(response, "Order " + id.substring(0, 8) + " is now " + order.status() + ".");
        } catch (StateConflictException e) {
            Flash.set(response, e.getMessage());
        }
        return "redirect:/admin/orders";
    }

    private CartView cartOf(long userId) {
        List<Carts.CartLine> lines = carts.lines(userId);
        Map<Long, CatalogClient.PricedBook> books =
                catalog.lookup(lines.stream().map(Carts.CartLine::bookId).toList());
        return CartView.of(lines, books);
    }

    /** The checkout form's fields as typed. */
    public static class CheckoutForm {
        private String fullName = "";
        private String line1 = "";
        private String line2 = "";
        private String city = "";
        private String postalCode = "";
        private String country = "";
        private String deliveryOption = "STANDARD";

        CheckoutRequest request() {
            DeliveryOption option;
            try {
                option = DeliveryOption.valueOf(deliveryOption);
            } catch (IllegalArgumentException | NullPointerException e) {
                option = null;
            }
            return new CheckoutRequest(
                    new ShippingAddress(
                            fullName,
                            line1,
                            line2 == null || line2.isBlank() ? null : line2,
                            city,
                            postalCode,
                            country == null ? null : country.trim().toUpperCase(java.util.Locale.ROOT)),
                    option);
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public String getLine1() {
            return line1;
        }

        public void setLine1(String line1) {
            this.line1 = line1;
        }

        public String getLine2() {
            return line2;
        }

        public void setLine2(String line2) {
            this.line2 = line2;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getPostalCode() {
            return postalCode;
        }

        public void setPostalCode(String postalCode) {
            this.postalCode = postalCode;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }

        public String getDeliveryOption() {
            return deliveryOption;
        }

        public void setDeliveryOption(String deliveryOption) {
            this.deliveryOption = deliveryOption;
        }
    }

    /** The card form's fields; the idempotency key is minted when the form is shown, so a double submit pays once. */
    public static class PaymentForm {
        private String idempotencyKey;
        private String cardNumber = "";
        private Integer expiryMonth;
        private Integer expiryYear;
        private String cvc = "";
        private String cardholderName = "";

        public PaymentForm() {}

        PaymentForm(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
        }

        CardDetails card() {
            return new CardDetails(cardNumber, expiryMonth, expiryYear, cvc, cardholderName);
        }

        public String getIdempotencyKey() {
            return idempotencyKey;
        }

        public void setIdempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
        }

        public String getCardNumber() {
            return cardNumber;
        }

        public void setCardNumber(String cardNumber) {
            this.cardNumber = cardNumber;
        }

        public Integer getExpiryMonth() {
            return expiryMonth;
        }

        public void setExpiryMonth(Integer expiryMonth) {
            this.expiryMonth = expiryMonth;
        }

        public Integer getExpiryYear() {
            return expiryYear;
        }

        public void setExpiryYear(Integer expiryYear) {
            this.expiryYear = expiryYear;
        }

        public String getCvc() {
            return cvc;
        }

        public void setCvc(String cvc) {
            this.cvc = cvc;
        }

        public String getCardholderName() {
            return cardholderName;
        }

        public void setCardholderName(String cardholderName) {
            this.cardholderName = cardholderName;
        }
    }
}
