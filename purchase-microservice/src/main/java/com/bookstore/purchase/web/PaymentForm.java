package com.bookstore.purchase.web;

import com.bookstore.purchase.payment.CardDetails;

/** The card form's fields; the idempotency key is minted when the form is shown, so a double submit pays once. */
public class PaymentForm {
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
