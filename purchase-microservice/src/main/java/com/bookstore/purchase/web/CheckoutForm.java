package com.bookstore.purchase.web;

import com.bookstore.purchase.checkout.CheckoutRequest;
import com.bookstore.purchase.orders.DeliveryOption;
import com.bookstore.purchase.orders.ShippingAddress;
import java.util.Locale;

/** The checkout form's fields as typed. */
public class CheckoutForm {
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
                        country == null ? null : country.trim().toUpperCase(Locale.ROOT)),
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
