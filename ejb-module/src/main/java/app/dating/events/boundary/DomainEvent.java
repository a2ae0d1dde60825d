package app.dating.events.boundary;

import jakarta.json.JsonObject;

/** Something that happened, as observers receive it (CDI), after its transaction committed. */
public record DomainEvent(String type, JsonObject payload) {
  public static final String SWIPE = "SWIPE";
  public static final String MATCH = "MATCH";
  public static final String UNMATCH = "UNMATCH";
  public static final String BLOCK = "BLOCK";
  public static final String REPORT = "REPORT";
}
