package app.dating.payments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dating.payments.control.EntitlementDerivation.Granted;
import app.dating.payments.entity.Entitlement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitlementsCacheTest {
  @Test
  void theCachedFormReadsBackTheSame() {
    List<Granted> granted =
        List.of(
            new Granted(Entitlement.MORE_SUPERLIKES, 5, Instant.ofEpochMilli(1_800_000_000_123L)),
            new Granted(Entitlement.SEE_LIKES, null, Instant.ofEpochMilli(1_800_000_000_000L)));
    assertEquals(granted, Entitlements.decode(Entitlements.encode(granted)));
    assertEquals(
        List.of(),
        Entitlements.decode("NOT_A_NAME:@1;garbage"),
        "what another version wrote is skipped");
  }
}
