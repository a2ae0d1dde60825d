package app.dating.payments.boundary;

/** A checkout started at the provider: where to send the person to pay. */
public record CheckoutView(String sessionId, String url) {}
