package app.dating.identity.boundary;

/** Where a request comes from (client address behind the proxy, user agent), for limits and audit. */
public record Caller(String ip, String userAgent) {}
