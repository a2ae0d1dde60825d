package app.dating.identity.boundary;

/** What a sign-in or a refresh returns: a short-lived access token and the next refresh token. */
public record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {}
