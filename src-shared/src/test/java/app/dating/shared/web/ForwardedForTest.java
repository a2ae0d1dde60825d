package app.dating.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedForTest {
  private final ForwardedFor address = new ForwardedFor(List.of("127.0.0.1", "10.0.0.5"));

  @ParameterizedTest(name = "peer {0}, X-Forwarded-For \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "203.0.113.9 | null                        | 203.0.113.9",
        "203.0.113.9 | 198.51.100.1                | 203.0.113.9",
        "127.0.0.1   | null                        | 127.0.0.1",
        "127.0.0.1   | 198.51.100.1                | 198.51.100.1",
        "127.0.0.1   | 6.6.6.6, 198.51.100.1       | 198.51.100.1",
        "127.0.0.1   | 198.51.100.1, 10.0.0.5      | 198.51.100.1",
        "127.0.0.1   | 10.0.0.5                    | 10.0.0.5",
        "127.0.0.1   | ' , '                       | 127.0.0.1"
      })
  void believesForwardedForOnlyFromTrustedProxies(
      String peer, String forwardedFor, String expected) {
    assertEquals(expected, address.resolve(peer, forwardedFor));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1,0:0:0:0:0:0:0:1,::1 | ::1 | 198.51.100.1",
        "' 10.0.0.5 , '               | 10.0.0.5 | 198.51.100.1",
        "10.0.0.5                     | 127.0.0.1 | 127.0.0.1"
      })
  void readsTheConfiguredList(String configured, String peer, String expected) {
    assertEquals(expected, ForwardedFor.of(configured).resolve(peer, "198.51.100.1"));
  }
}
