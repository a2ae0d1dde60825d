package app.dating.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonNumber;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verified token reads as MicroProfile JWT's did, for SignedIn, RevokedTokens and role checks. */
class AccessTokenPrincipalTest {

  @Test
  void claimsHaveMicroProfileJwtTypes() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", "dating-platform");
    claims.put("aud", List.of("dating-api"));
    claims.put("sub", "0b1c7e9e-2d47-4e7e-9d55-0d0d6c2a1f00");
    claims.put("upn", "0b1c7e9e-2d47-4e7e-9d55-0d0d6c2a1f00");
    claims.put("groups", List.of("USER", "ADMIN"));
    claims.put("sid", "5d8f3f0e-7a64-4d1c-8a38-51f5c1f00b7a");
    claims.put("iat_ms", 1_700_000_000_123L);
    claims.put("iat", new Date(1_700_000_000_000L));
    claims.put("exp", new Date(1_700_000_900_000L));
    AccessTokenPrincipal token = new AccessTokenPrincipal("raw", claims);

    assertEquals("0b1c7e9e-2d47-4e7e-9d55-0d0d6c2a1f00", token.getName());
    assertEquals("0b1c7e9e-2d47-4e7e-9d55-0d0d6c2a1f00", token.getSubject());
    assertEquals(Set.of("USER", "ADMIN"), token.getGroups());
    assertEquals(Set.of("dating-api"), token.getAudience());
    assertEquals("5d8f3f0e-7a64-4d1c-8a38-51f5c1f00b7a", token.<String>getClaim("sid"));
    assertEquals(1_700_000_000L, token.getIssuedAtTime());
    assertEquals(1_700_000_900L, token.getExpirationTime());
    assertEquals(1_700_000_000_123L, assertInstanceOf(JsonNumber.class, token.getClaim("iat_ms")).longValue());
    assertEquals("raw", token.getRawToken());
    assertNull(token.getClaim("nonce"));
  }
}
