package app.dating.identity.boundary;

import java.util.UUID;

/**
 * An account proved an email address for the first time, in this transaction. Until then anyone
 * could have opened it with that address; what was made for the account before (sessions, provider
 * links, end-to-end key bundles) ends now. Components that keep such things for an account observe
 * it (CDI) and drop theirs, so identity needs to know none of them.
 */
public record AddressProven(UUID accountId) {}
