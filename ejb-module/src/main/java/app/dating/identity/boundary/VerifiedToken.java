package app.dating.identity.boundary;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a verified access token says: whose it is, of which session, the groups, when issued and
 * until when.
 */
public record VerifiedToken(
    UUID subject, UUID sessionId, Set<String> groups, Instant issuedAt, Instant expiresAt) {}
