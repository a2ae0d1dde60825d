package app.dating.identity.entity;

/** What a person may do; carried in the access token's {@code groups}. */
public enum Role {
  USER,
  MODERATOR,
  ADMIN
}
