package app.dating.identity.boundary;

import java.util.Set;
import java.util.UUID;

/** Who a live session cookie signs in, with the CSRF token its state-changing requests must carry. */
public record WebPrincipal(UUID accountId, UUID sessionId, Set<String> roles, String csrfToken) {}
