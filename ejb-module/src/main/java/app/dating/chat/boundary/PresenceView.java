package app.dating.chat.boundary;

import java.time.Instant;
import java.util.UUID;

/** Whether someone is online and when they were last seen; both null when they hide it. */
public record PresenceView(UUID accountId, Boolean online, Instant lastSeen) {}
