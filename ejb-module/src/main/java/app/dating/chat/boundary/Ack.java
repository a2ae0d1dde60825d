package app.dating.chat.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message is stored: its sequence number in the conversation. {@code duplicate} when the client's
 * id was seen before (a resend): nothing new was stored. {@code members}: whom to deliver it to.
 */
public record Ack(UUID conversation, String clientId, long seq, Instant at, boolean duplicate, List<UUID> members) {}
