package app.dating.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dating.payments.control.Prices.Price;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricesTest {
  static final Map<String, Long> GOLD_MONTH = Map.of("EUR", 1999L, "USD", 2199L, "GBP", 1799L);

  @ParameterizedTest(name = "asked {0}, languages {1} -> {2}")
  @CsvSource({
    "usd, de-DE, USD",
    "' GBP ', , GBP",
    "XXX, en-US, XXX", // a valid ISO code (no currency): select falls back to EUR
    "nonsense, en-US, USD",
    ", en-GB, GBP",
    ", de-CH, CHF",
    ", de, EUR",
    ", es-419, EUR",
    ", , EUR"
  })
  void theCallersCurrency(String asked, String languages, String expected) {
    List<Locale> locales =
        languages == null ? List.of() : List.of(Locale.forLanguageTag(languages));
    assertEquals(expected, Prices.currency(asked, locales));
  }

  @Test
  void aPriceInTheCallersCurrencyElseEuros() {
    assertEquals(Optional.of(new Price(2199, "USD")), Prices.select(GOLD_MONTH, "USD"));
    assertEquals(Optional.of(new Price(1999, "EUR")), Prices.select(GOLD_MONTH, "CHF"));
    assertEquals(
        Optional.empty(), Prices.select(Map.of("USD", 100L), "CHF"), "neither: not on sale");
  }

  @Test
  void namesInGermanOrEnglish() {
    assertEquals("de", Prices.language(List.of(Locale.forLanguageTag("de-AT"))));
    assertEquals("en", Prices.language(List.of(Locale.forLanguageTag("fr-FR"))));
    assertEquals(
        "de",
        Prices.language(List.of(Locale.forLanguageTag("fr-FR"), Locale.forLanguageTag("de"))));
    assertEquals("en", Prices.language(List.of()));
  }
}
