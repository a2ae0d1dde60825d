package app.dating.payments.control;

import app.dating.payments.boundary.CheckoutView;
import app.dating.payments.control.Catalogue.Offer;
import app.dating.shared.config.ConfigKeys;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.ProblemType;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.Recurring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls Stripe's API with {@code stripe-java}: Checkout Sessions (a subscription or a one-off pack,
 * priced from our catalogue with {@code price_data}: the client never sends a price) and Customer
 * Portal sessions. The API base URL and the secret key come from configuration.
 */
@ApplicationScoped
public class StripeGateway {
  private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

  @Inject
  @ConfigProperty(name = ConfigKeys.STRIPE_API_BASE, defaultValue = "https://api.stripe.com")
  String apiBase;

  @Inject
  @ConfigProperty(name = ConfigKeys.STRIPE_SECRET_KEY)
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = ConfigKeys.PUBLIC_URL, defaultValue = "http://localhost:8080")
  String publicUrl;

  private volatile StripeClient client;

  /** Metadata keys on Stripe objects that tie them to our account, plan, period or pack. */
  public static final String ACCOUNT = "account";

  public static final String PLAN = "plan";
  public static final String MONTHS = "months";
  public static final String PRODUCT = "product";

  /**
   * A Checkout Session for {@code offer} (a plan with months, or a pack), for {@code account}; with
   * their Stripe customer when they have one.
   */
  public CheckoutView checkout(UUID account, Offer offer, String customer) {
    boolean plan = offer.productKind() == null;
    PriceData.Builder price =
        PriceData.builder()
            .setCurrency(offer.price().currency().toLowerCase(Locale.ROOT))
            .setUnitAmount(offer.price().amountMinor())
            .setProductData(ProductData.builder().setName(offer.name()).build());
    if (plan) {
      price.setRecurring(
          Recurring.builder()
              .setInterval(Recurring.Interval.MONTH)
              .setIntervalCount((long) offer.months())
              .build());
    }
    SessionCreateParams.Builder params =
        SessionCreateParams.builder()
            .setMode(
                plan ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
            .setClientReferenceId(account.toString())
            .setSuccessUrl(publicUrl + "/premium/done?session={CHECKOUT_SESSION_ID}")
            .setCancelUrl(publicUrl + "/premium")
            .addLineItem(LineItem.builder().setQuantity(1L).setPriceData(price.build()).build())
            .putMetadata(ACCOUNT, account.toString());
    if (customer != null) {
      params.setCustomer(customer);
    }
    if (plan) {
      params
          .putMetadata(PLAN, offer.id())
          .putMetadata(MONTHS, Integer.toString(offer.months()))
          .setSubscriptionData(
              SessionCreateParams.SubscriptionData.builder()
                  .putMetadata(ACCOUNT, account.toString())
                  .putMetadata(PLAN, offer.id())
                  .putMetadata(MONTHS, Integer.toString(offer.months()))
                  .build());
    } else {
      params
          .putMetadata(PRODUCT, offer.id())
          .setPaymentIntentData(
              SessionCreateParams.PaymentIntentData.builder()
                  .putMetadata(ACCOUNT, account.toString())
                  .putMetadata(PRODUCT, offer.id())
                  .build());
    }
    try {
      Session session = client().v1().checkout().sessions().create(params.build());
      if (session.getUrl() == null) {
        throw unavailable(null);
      }
      return new CheckoutView(session.getId(), session.getUrl());
    } catch (StripeException e) {
      throw unavailable(e);
    }
  }

  /** A Customer Portal session of a Stripe customer, returning to the app. */
  public String portal(String customer) {
    try {
      return client()
          .v1()
          .billingPortal()
          .sessions()
          .create(
              com.stripe.param.billingportal.SessionCreateParams.builder()
                  .setCustomer(customer)
                  .setReturnUrl(publicUrl + "/premium")
                  .build())
          .getUrl();
    } catch (StripeException e) {
      throw unavailable(e);
    }
  }

  /**
   * Cancels a subscription at once (a deleted account must not be charged again); false when Stripe
   * refused or did not answer (logged: an operator cancels it by hand).
   */
  public boolean cancelNow(String subscription) {
    try {
      client().v1().subscriptions().cancel(subscription);
      return true;
    } catch (StripeException | BusinessException e) {
      LOG.log(
          Level.WARNING,
          "Could not cancel Stripe subscription "
              + subscription
              + " of a deleted account: "
              + e.getMessage());
      return false;
    }
  }

  private StripeClient client() {
    StripeClient built = client;
    if (built == null) {
      String key =
          secretKey
              .filter(k -> !k.isBlank())
              .orElseThrow(
                  () ->
                      new BusinessException(
                          ProblemType.UNAVAILABLE,
                          "Payments are not configured on this platform."));
      built =
          StripeClient.builder()
              .setApiKey(key)
              .setApiBase(apiBase)
              .setConnectTimeout(5_000)
              .setReadTimeout(20_000)
              .setMaxNetworkRetries(1)
              .build();
      client = built;
    }
    return built;
  }

  private static BusinessException unavailable(StripeException e) {
    if (e != null) {
      LOG.log(Level.WARNING, "Stripe refused or did not answer: " + e.getMessage());
    }
    return new BusinessException(
        ProblemType.UNAVAILABLE, "The payment provider did not answer; try again in a moment.");
  }
}
