package app.dating.payments.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What to buy: a plan with a period in months (1, 6 or 12), or a pack ({@code productId}); and
 * optionally the currency to pay in (ISO 4217; otherwise the one of the caller's language, else
 * EUR). Never a price: it is read from the catalogue.
 */
public record CheckoutRequest(
    @Size(max = 32) @Pattern(regexp = "[a-z][a-z0-9_]*") String planId,
    Integer months,
    @Size(max = 32) @Pattern(regexp = "[a-z][a-z0-9_]*") String productId,
    @Pattern(regexp = "[A-Za-z]{3}") String currency) {}
