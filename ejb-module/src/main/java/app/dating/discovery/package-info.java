/**
 * The discovery feed: a candidate generator (one geo-indexed query holding every hard filter both
 * ways) and a separate {@link app.dating.discovery.control.Ranker} that orders what it found. The
 * learned ranker of a later issue replaces the ranker alone.
 */
package app.dating.discovery;
