package app.dating.identity.boundary;

/** A browser sign-in: the cookie's session token (never shown to scripts), its CSRF token, and the account. */
public record WebSignIn(String sessionToken, String csrfToken, long expiresIn, AccountView account) {}
