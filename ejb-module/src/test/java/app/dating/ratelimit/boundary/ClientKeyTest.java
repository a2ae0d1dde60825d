package app.dating.ratelimit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientKeyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "203.0.113.9                              | 203.0.113.9",
        "' 203.0.113.9 '                          | 203.0.113.9",
        "2001:db8:1:2:3:4:5:6                     | 2001:db8:1:2::/64",
        "2001:DB8:1:2:ffff:ffff:ffff:ffff         | 2001:db8:1:2::/64",
        "2001:0db8:0001:0002:0000:0000:0000:0001  | 2001:db8:1:2::/64",
        "2001:db8:1:2::1                          | 2001:db8:1:2::/64",
        "2001:db8:1:2::                           | 2001:db8:1:2::/64",
        "2001:db8::1                              | 2001:db8:0:0::/64",
        "[2001:db8:1:2::1]                        | 2001:db8:1:2::/64",
        "fe80::1%eth0                             | fe80:0:0:0::/64",
        "::1                                      | 0:0:0:0::/64",
        "0:0:0:0:0:0:0:1                          | 0:0:0:0::/64",
        "::                                       | 0:0:0:0::/64",
        "::ffff:203.0.113.9                       | 203.0.113.9",
        "::ffff:cb00:7109                         | 203.0.113.9",
        "64:ff9b::203.0.113.9                     | 64:ff9b:0:0::/64",
        "null                                     | unknown",
        "''                                       | unknown",
        "not-an-address                           | other:not-an-address",
        "1.2.3.256                                | other:1.2.3.256",
        "1.2.3                                    | other:1.2.3",
        "2001:db8::1::2                           | other:2001:db8::1::2",
        "2001:db8:1:2:3:4:5:6:7                   | other:2001:db8:1:2:3:4:5:6:7",
        "12345::1                                 | other:12345::1",
        "2001:db8:1:2:3:4:5:1.2.3.4               | other:2001:db8:1:2:3:4:5:1.2.3.4",
        "١٢٣.1.1.1                                | other:١٢٣.1.1.1"
      })
  void ipv4AsItIsIpv6ByItsSlash64(String address, String key) {
    assertEquals(key, ClientKey.of(address));
  }

  @ParameterizedTest
  @CsvSource({
    "2001:db8:1:2::1, 2001:db8:1:2:aaaa:bbbb:cccc:dddd",
    "2001:db8:1:2::1, 2001:db8:1:2::"
  })
  void addressesOfOneSlash64AreOneClient(String one, String other) {
    assertEquals(ClientKey.of(one), ClientKey.of(other));
  }

  @ParameterizedTest
  @CsvSource({"2001:db8:1:2::1, 2001:db8:1:3::1", "203.0.113.9, 203.0.113.10"})
  void otherPrefixesAreOtherClients(String one, String other) {
    assertEquals(false, ClientKey.of(one).equals(ClientKey.of(other)));
  }

  @org.junit.jupiter.api.Test
  void odditiesAreCutShort() {
    assertEquals("other:" + "x".repeat(ClientKey.MAX_OTHER), ClientKey.of("x".repeat(500)));
  }
}
