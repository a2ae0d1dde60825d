package app.dating.chat.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as its readers get it: plain {@code text}; or {@code ciphertext} (base64) when the two
 * clients encrypt end to end and the server never could read it; or the id of a chat {@code photo}
 * (served at {@code /api/v1/photos/{photo}/{size}} to the two members).
 */
public record ChatMessage(UUID conversation, long seq, UUID sender, String clientId, String kind, String text, String ciphertext, UUID photo,
    Instant at) {}
