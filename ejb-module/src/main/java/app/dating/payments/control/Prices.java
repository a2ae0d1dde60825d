package app.dating.payments.control;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which currency a caller pays in and which of an item's prices applies: pure rules, tested on
 * their own. Prices are integer minor units with their currency, never floating point.
 */
public final class Prices {
  /** The currency of last resort: every item has a price in it (the catalogue's rule). */
  public static final String FALLBACK = "EUR";

  private Prices() {}

  /** A price in minor units of a currency. */
  public record Price(long amountMinor, String currency) {}

  /**
   * The caller's currency: the one asked for when it is a valid ISO 4217 code, else the currency of
   * the country of their first language tag with a country ({@code de-CH} → CHF), else EUR. Whether
   * the catalogue has prices in it is {@link #select}'s question.
   */
  public static String currency(String asked, Iterable<Locale> languages) {
    if (asked != null && !asked.isBlank()) {
      Optional<String> code = iso(asked.trim().toUpperCase(Locale.ROOT));
      if (code.isPresent()) {
        return code.get();
      }
    }
    if (languages != null) {
      for (Locale locale : languages) {
        if (!locale.getCountry().isEmpty()) {
          try {
            Currency currency = Currency.getInstance(locale);
            if (currency != null) {
              return currency.getCurrencyCode();
            }
          } catch (IllegalArgumentException notACountry) {
            // e.g. a region like 419: try the next
          }
        }
      }
    }
    return FALLBACK;
  }

  /** The first of the caller's languages the catalogue has names in (en, de), else en. */
  public static String language(Iterable<Locale> languages) {
    if (languages != null) {
      for (Locale locale : languages) {
        String language = locale.getLanguage();
        if (language.equals("de") || language.equals("en")) {
          return language;
        }
      }
    }
    return "en";
  }

  /**
   * The price of an item (prices by currency) for a caller paying in {@code currency}: that
   * currency's, else EUR's; empty when it has neither (not on sale).
   */
  public static Optional<Price> select(Map<String, Long> byCurrency, String currency) {
    Long amount = byCurrency.get(currency);
    if (amount != null) {
      return Optional.of(new Price(amount, currency));
    }
    return Optional.ofNullable(byCurrency.get(FALLBACK)).map(a -> new Price(a, FALLBACK));
  }

  private static Optional<String> iso(String code) {
    try {
      return Optional.of(Currency.getInstance(code).getCurrencyCode());
    } catch (IllegalArgumentException notIso) {
      return Optional.empty();
    }
  }
}
