package app.dating.shared.config;

/**
 * MicroProfile Config keys of the application. Each can be set as an environment variable: upper
 * case, dots and dashes as underscores ({@code redis.url} is {@code REDIS_URL}). The README's
 * configuration table lists them with defaults.
 */
public final class ConfigKeys {
  /** Redis URL ({@code redis://host:6379/0}); unset means single-instance, in-process services. */
  public static final String REDIS_URL = "redis.url";

  /**
   * The platform's public base URL ({@code https://dating.example.com}): links in mail, the OpenAPI
   * server.
   */
  public static final String PUBLIC_URL = "app.public-url";

  /** Largest request body the API reads, in bytes. */
  public static final String API_MAX_BODY_BYTES = "api.max-body-bytes";

  /** Comma-separated addresses of reverse proxies whose X-Forwarded-* headers are believed. */
  public static final String TRUSTED_PROXIES = "proxy.trusted";

  /**
   * Enables the operator diagnostics: the endpoints under /api/v1/system (for ADMINs) and the bare
   * WebSocket echo /ws/v1/echo.
   */
  public static final String DIAGNOSTICS = "platform.diagnostics";

  /** How many times a background job is tried before it goes to the dead-letter queue. */
  public static final String JOBS_MAX_ATTEMPTS = "jobs.max-attempts";

  /** Delay before the first retry of a failed job, in ms; doubles with each attempt. */
  public static final String JOBS_RETRY_DELAY_MS = "jobs.retry-delay-ms";

  /** Stripe's API base URL ({@code https://api.stripe.com}; tests point it at a local fake). */
  public static final String STRIPE_API_BASE = "stripe.api-base";

  /** Stripe's secret API key ({@code sk_…}); unset: checkout and portal answer 503. A secret. */
  public static final String STRIPE_SECRET_KEY = "stripe.secret-key";

  /**
   * The signing secret of the Stripe webhook endpoint ({@code whsec_…}); unset: webhooks refused. A
   * secret.
   */
  public static final String STRIPE_WEBHOOK_SECRET = "stripe.webhook-secret";

  /** How old a Stripe webhook's signed timestamp may be (ISO-8601 duration). */
  public static final String STRIPE_WEBHOOK_TOLERANCE = "stripe.webhook-tolerance";

  private ConfigKeys() {}
}
