/**
 * Who may see whom: blocks (both hidden from each other everywhere, for good), whether a person may
 * look at others at all and see another's profile and its photos, and who may use a conversation
 * (the two of an active match).
 *
 * <p>The rule is written once, in SQL (migration V26): {@code may_browse(viewer)} (an active
 * account with a verified email address), {@code accounts_visible_to(viewer)} (active accounts, not
 * the viewer, not blocked either way), {@code profiles_visible_to(viewer)} (of those, the verified
 * ones with a discoverable profile) and {@code visible_to(viewer, owner)}. {@link
 * app.dating.visibility.boundary.Visibility} asks them for single checks (profile pages, photos);
 * the set-based queries of the other components select from them: the feed's candidate query and
 * its cards (discovery), the swipe batch, the likes and the matches list (matching). A change of
 * the rule is a new migration replacing these functions, and every path follows.
 *
 * <p>It answers in SQL over the tables (account, profile, block, match) and imports no other
 * component, so profiles, media and matching all depend on it and not on each other's rules; that
 * keeps the components free of cycles (the architecture test checks it).
 */
package app.dating.visibility;
