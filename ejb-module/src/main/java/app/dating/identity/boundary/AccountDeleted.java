package app.dating.identity.boundary;

import java.util.UUID;

/** An account was deleted, in this transaction: components end what it took part in (matches, for one). */
public record AccountDeleted(UUID accountId) {}
