package app.dating.identity.entity;

import java.time.Instant;
import java.util.UUID;

/** One sign-in session (a refresh-token family), as the owner's data export shows it. */
public record SessionSummary(UUID id, Instant startedAt, Instant expiresAt, Instant endedAt) {}
