package app.dating.payments.boundary;

/** The provider's self-service page (cancel, change card, upgrade): where to send the person. */
public record PortalView(String url) {}
