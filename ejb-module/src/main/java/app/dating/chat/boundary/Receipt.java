package app.dating.chat.boundary;

import java.util.UUID;

/** How far {@code by} has received and read a conversation; {@code peer} is whom to tell. */
public record Receipt(UUID conversation, UUID by, UUID peer, long deliveredUpTo, long readUpTo) {}
