package app.dating.identity.entity;

import java.util.Locale;

/** An outside identity provider a person may sign in with ("Sign in with Google, Apple, Facebook"). */
public enum IdentityProvider {
  GOOGLE("Google"),
  APPLE("Apple"),
  FACEBOOK("Facebook");

  private final String displayName;

  IdentityProvider(String displayName) {
    this.displayName = displayName;
  }

  /** The provider's part of its configuration keys: {@code auth.<configKey>.client-ids}. */
  public String configKey() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The provider's name as people know it, for messages. */
  public String displayName() {
    return displayName;
  }
}
