package app.dating.discovery.boundary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Today's most compatible person for you: their card (as in the feed), the day it was picked (UTC),
 * and when it gives way to the next. Whether you are their pick too is not said.
 */
public record DailyPick(FeedCard card, LocalDate day, Instant expiresAt) {}
