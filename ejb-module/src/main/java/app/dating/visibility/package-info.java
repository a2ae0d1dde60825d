/**
 * Who may see whom: blocks (both hidden from each other everywhere, for good), whether a person may
 * see another's profile and its photos (their own always; others' only discoverable, of an active
 * account, not blocked either way), and who may use a conversation (the two of an active match).
 *
 * <p>It answers in SQL over the tables (account, profile, match) and imports no other component, so
 * profiles, media and matching all depend on it and not on each other's rules; that keeps the
 * components free of cycles (the architecture test checks it). The same rule is still repeated in
 * the set-based queries of discovery (the candidate query and the cards) and of the swipe path
 * ({@code Swipe.CANDIDATE_STATES}); they are to come here too.
 */
package app.dating.visibility;
