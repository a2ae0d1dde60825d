package app.dating.identity.control;

import app.dating.identity.entity.IdentityProvider;
import java.util.Objects;

/**
 * A person as an outside identity provider vouches for them, after their token was verified.
 *
 * @param subject the provider's stable id of the person (the ID token's {@code sub}, or Facebook's
 *     app-scoped user id); with {@code provider} it identifies the person
 * @param email the address the provider gave, or null
 * @param emailVerified whether the provider says it verified {@code email}; false when it does not say
 * @param privateRelayEmail whether {@code email} is an Apple private relay address
 * @param name the person's name, or null (Apple gives it only to the app, on the first sign-in)
 */
public record ExternalIdentity(
    IdentityProvider provider,
    String subject,
    String email,
    boolean emailVerified,
    boolean privateRelayEmail,
    String name) {

  /** The longest name kept; longer ones are cut. */
  public static final int MAX_NAME_LENGTH = 100;

  public ExternalIdentity {
    Objects.requireNonNull(provider, "provider");
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("an external identity needs a subject");
    }
    email = blankToNull(email);
    name = cleanName(name);
  }

  /**
   * This identity with the name the app supplied (Apple sends it to the app, not in the token, on
   * the first sign-in only), unless the provider already gave one.
   */
  public ExternalIdentity withSuppliedName(String suppliedName) {
    if (name != null || cleanName(suppliedName) == null) {
      return this;
    }
    return new ExternalIdentity(provider, subject, email, emailVerified, privateRelayEmail, suppliedName);
  }

  private static String cleanName(String name) {
    String trimmed = blankToNull(name);
    if (trimmed == null || trimmed.codePointCount(0, trimmed.length()) <= MAX_NAME_LENGTH) {
      return trimmed;
    }
    return trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_NAME_LENGTH));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
