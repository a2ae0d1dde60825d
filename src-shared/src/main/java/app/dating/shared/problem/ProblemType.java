package app.dating.shared.problem;

/**
 * The stable kinds of problem the platform answers with. The {@link #uri()} never changes once
 * published: clients branch on it, not on the title or detail text.
 */
public enum ProblemType {
  MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
  VALIDATION("validation", "Invalid request", 400),
  UNAUTHORIZED("unauthorized", "Authentication required", 401),
  FORBIDDEN("forbidden", "Forbidden", 403),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
  CONFLICT("conflict", "Conflict", 409),
  PHOTO_NOT_READY("photo-not-ready", "Photo not processed yet", 409),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  RATE_LIMITED("rate-limited", "Too many requests", 429),
  DAILY_LIMIT("daily-limit", "Daily limit reached", 429),
  ENTITLEMENT_REQUIRED("entitlement-required", "Not included in your plan", 403),
  /** Seeing other people (feed, profiles, photos, swipes) needs a verified email address. */
  VERIFICATION_REQUIRED("verification-required", "Verify your email address first", 403),
  /**
   * A signed message (a payment provider's webhook) whose signature or timestamp does not verify.
   */
  BAD_SIGNATURE("bad-signature", "Signature not valid", 400),
  HTTP_ERROR("http-error", "Request failed", 400),
  INTERNAL("internal", "Internal error", 500),
  UNAVAILABLE("unavailable", "Service unavailable", 503);

  private static final String PREFIX = "urn:dating:problem:";

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  /** The last part of the type URI, e.g. {@code not-found}. */
  public String slug() {
    return slug;
  }

  public String uri() {
    return PREFIX + slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  /** The type that describes a bare HTTP status, for errors raised by the container itself. */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type != HTTP_ERROR) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : HTTP_ERROR;
  }
}
