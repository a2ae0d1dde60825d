package app.dating.tools.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulator's small parts that need no platform. */
class SimulationTest {

  @Test
  void theRetrainAnswersAucIsFoundWhereverItIs() {
    assertEquals(
        0.7348,
        Simulation.findAuc("{\"auc\":0.7348,\"examples\":3773,\"people\":398,\"version\":1}"),
        1e-12);
    assertEquals(0.61, Simulation.findAuc("{\"model\":{\"offlineAuc\":0.61}}"), 1e-12);
    assertTrue(Double.isNaN(Simulation.findAuc("{\"auc\":null,\"version\":2}")));
    assertTrue(Double.isNaN(Simulation.findAuc("")));
    assertTrue(Double.isNaN(Simulation.findAuc("not json")));
  }

  @Test
  void everyPersonOfARunHasAClientAddressOfTheirOwnInTheBenchmarkingRange() {
    Set<String> seen = new HashSet<>();
    for (int n = 0; n < Simulation.IP_SPACE; n += 7) {
      String ip = Simulation.ip(n);
      assertTrue(seen.add(ip), ip);
      String[] parts = ip.split("\\.");
      assertEquals("198", parts[0]);
      assertTrue(parts[1].equals("18") || parts[1].equals("19"), ip);
      int last = Integer.parseInt(parts[3]);
      assertTrue(last >= 1 && last <= 254, ip);
    }
    assertEquals(Simulation.ip(5), Simulation.ip(5 + Simulation.IP_SPACE));
  }

  @Test
  void pairStatesKeepEachOrderedPairApart() {
    Simulation.PairStates states = new Simulation.PairStates(7);
    states.set(3, 4, 2);
    states.set(4, 3, 1);
    states.set(6, 6, 2);
    states.set(3, 4, 1);
    assertEquals(1, states.get(3, 4));
    assertEquals(1, states.get(4, 3));
    assertEquals(2, states.get(6, 6));
    assertEquals(0, states.get(0, 0));
    assertEquals(0, states.get(3, 5));
  }
}
