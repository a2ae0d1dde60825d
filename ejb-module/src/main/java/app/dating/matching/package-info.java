/**
 * Swipes and matches: a like on someone who liked you makes exactly one match, also when both likes
 * arrive at once; daily limits as entitlements; unmatch, block (both ways, for good), report (to the
 * moderators' queue); "likes you". Every swipe and match is published as a domain event. Swipes are
 * done in batches, one transaction each (group commit, {@code SwipeWriter}).
 */
package app.dating.matching;
