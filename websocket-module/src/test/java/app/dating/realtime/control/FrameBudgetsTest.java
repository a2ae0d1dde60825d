package app.dating.realtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.realtime.control.FrameBudget.Kind;
import app.dating.realtime.control.FrameBudget.Rate;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rates every socket gets, from chat.frames-per-minute and chat.sends-per-30s. */
class FrameBudgetsTest {

  @Test
  void theDefaultsGiveEveryKindARateAndSendsFollowTheMessageLimit() {
    Map<Kind, Rate> rates = FrameBudgets.rates(FrameBudgets.DEFAULTS, 30);
    assertEquals(Kind.values().length, rates.size());
    assertEquals(new Rate(30, Duration.ofSeconds(30)), rates.get(Kind.SEND));
    assertEquals(new Rate(10, Duration.ofMinutes(1)), rates.get(Kind.SYNC));
    assertEquals(new Rate(120, Duration.ofMinutes(1)), rates.get(Kind.READ));
  }

  @Test
  void whatIsConfiguredReplacesItsDefaultOnly() {
    Map<Kind, Rate> rates = FrameBudgets.rates(" sync:20 , ping:60,", 5);
    assertEquals(new Rate(20, Duration.ofMinutes(1)), rates.get(Kind.SYNC));
    assertEquals(new Rate(60, Duration.ofMinutes(1)), rates.get(Kind.PING));
    assertEquals(new Rate(60, Duration.ofMinutes(1)), rates.get(Kind.TYPING), "the default");
    assertEquals(new Rate(5, Duration.ofSeconds(30)), rates.get(Kind.SEND));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sync", "sync:", "sync:0", "sync:-1", "sync:many", "dance:5", "send:100"})
  void anEntryThatDoesNotReadIsNamed(String configured) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FrameBudgets.rates(configured, 30));
    assertTrue(e.getMessage().contains(configured), e.getMessage());
  }
}
