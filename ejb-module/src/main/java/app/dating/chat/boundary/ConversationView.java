package app.dating.chat.boundary;

import java.util.UUID;

/** A conversation in the caller's list: with whom, how much is unread, the last message, how far the other has read. */
public record ConversationView(UUID id, UUID personId, String displayName, long lastSeq, long unread, long readUpTo, long peerReadUpTo,
    ChatMessage lastMessage) {}
