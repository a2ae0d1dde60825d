/**
 * The discovery feed: a candidate generator (one geo-indexed query holding every hard filter both
 * ways) and a separate {@link app.dating.discovery.control.Ranker} that orders what it found. The
 * ranker in use is chosen in the database ({@link app.dating.discovery.control.ActiveRanker}): by
 * default the learned, reciprocal one ({@link app.dating.discovery.control.LearnedRanker}: a
 * factorization machine retrained daily, online signals from the domain events, fair exposure), or
 * {@link app.dating.discovery.control.SimpleRanker} and two evaluation baselines. Operators see and
 * choose it through {@link app.dating.discovery.boundary.Ranking}.
 */
package app.dating.discovery;
