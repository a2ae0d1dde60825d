package app.dating.identity.boundary;

import java.util.UUID;

/**
 * A deleted account's personal data is being erased, in this transaction. Each component that keeps
 * data about people observes it (CDI) and erases its part, so identity needs to know none of them.
 */
public record AccountErased(UUID accountId) {}
