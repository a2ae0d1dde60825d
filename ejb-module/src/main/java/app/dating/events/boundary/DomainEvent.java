package app.dating.events.boundary;

import jakarta.json.JsonObject;

/** Something that happened, as observers receive it (CDI), after its transaction committed. */
public record DomainEvent(String type, JsonObject payload) {
  public static final String SWIPE = "SWIPE";
  public static final String MATCH = "MATCH";
  public static final String UNMATCH = "UNMATCH";
  public static final String BLOCK = "BLOCK";
  public static final String REPORT = "REPORT";

  /**
   * A message was stored while its recipient had no socket open (for notifications): recipient,
   * sender, conversation, seq, kind; never the message's text, ciphertext or photo.
   */
  public static final String MESSAGE_FOR_OFFLINE = "MESSAGE_FOR_OFFLINE";

  /**
   * A person's position moved faster than anyone travels (for the moderators' queue): account,
   * speedKmh (the speed the move implies, whole km/h), at; never a position or a distance.
   */
  public static final String POSITION_JUMP = "POSITION_JUMP";

  /**
   * A subscription moved in its lifecycle (for notifications and analytics): subscription, account,
   * plan, provider, from (absent for a new one), to, trigger, accessUntil (absent: no access).
   */
  public static final String SUBSCRIPTION_CHANGED = "SUBSCRIPTION_CHANGED";

  /** A consumable pack was paid, refunded or revoked: purchase, account, product, state. */
  public static final String PURCHASE_CHANGED = "PURCHASE_CHANGED";
}
