package com.bookstore.purchase.web;

import com.bookstore.platform.pages.CurrentUser;
import com.bookstore.platform.pages.Flash;
import com.bookstore.platform.pages.PageController;
import com.bookstore.platform.web.InvalidFieldException;
import com.bookstore.purchase.orders.OrderDetails;
import com.bookstore.purchase.orders.OrderStatus;
import com.bookstore.purchase.orders.OrderView;
import com.bookstore.purchase.payment.CardDetails;
import com.bookstore.purchase.payment.PaymentOutcome.Paid;
import com.bookstore.purchase.payment.PaymentOutcome.Refusal;
import com.bookstore.purchase.payment.PaymentOutcome.Refused;
import com.bookstore.purchase.payment.Payments;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Paying an order by card: the form carries its idempotency key, so a double submit pays once. */
@PageController
class PaymentPages {

    private final Payments payments;
    private final OrderDetails details;
    private final Validator validator;

    PaymentPages(Payments payments, OrderDetails details, Validator validator) {
        this.payments = payments;
        this.details = details;
        this.validator = validator;
    }

    @GetMapping("/orders/{id}/pay")
    String form(CurrentUser user, @PathVariable String id, Model model) {
        OrderView order = details.get(user.id(), id);
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return "redirect:/orders/" + id;
        }
        model.addAttribute("order", order);
        model.addAttribute("form", new PaymentForm(UUID.randomUUID().toString()));
        return "pay";
    }

    @PostMapping("/orders/{id}/pay")
    String pay(
            CurrentUser user,
            @PathVariable String id,
            @ModelAttribute("form") PaymentForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        CardDetails card = form.card();
        for (ConstraintViolation<CardDetails> violation : validator.validate(card)) {
            errors.rejectValue(violation.getPropertyPath().toString(), "invalid", violation.getMessage());
        }
        if (!errors.hasErrors()) {
            try {
                switch (payments.pay(user.id(), id, form.getIdempotencyKey(), card)) {
                    case Paid paid -> {
                        Flash.set(response, "Thank you! Your payment was received.");
                        return "redirect:/orders/" + id;
                    }
                    case Refused refused
                    when refused.refusal() == Refusal.DECLINED -> {
                        errors.reject("declined", refused.detail());
                        response.setStatus(PaymentRefusals.status(refused).value());
                        form.setIdempotencyKey(UUID.randomUUID().toString());
                    }
                    case Refused refused -> {
                        Flash.set(response, refused.detail());
                        return "redirect:/orders/" + id;
                    }
                }
            } catch (InvalidFieldException e) {
                errors.rejectValue(e.field(), "invalid", e.getMessage());
                response.setStatus(400);
            }
        } else {
            response.setStatus(400);
        }
        form.setCardNumber("");
        form.setCvc("");
        model.addAttribute("order", details.get(user.id(), id));
        return "pay";
    }
}
