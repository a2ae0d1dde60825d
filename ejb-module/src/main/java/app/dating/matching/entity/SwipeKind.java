package app.dating.matching.entity;

/** What a person said about a candidate. */
public enum SwipeKind {
  LIKE,
  PASS,
  SUPERLIKE;

  public boolean isLike() {
    return this != PASS;
  }
}
