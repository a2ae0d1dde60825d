package app.dating.realtime.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sockets counted by client address: a cap per address, room again when one closes. */
class ConnectionsTest {

  @Test
  void anAddressHoldsAtMostItsCapAndAClosedSocketMakesRoom() {
    Connections connections = new Connections();
    connections.socketsPerAddress = 2;
    assertTrue(connections.admit("198.51.100.1"));
    assertTrue(connections.admit("198.51.100.1"));
    assertFalse(connections.admit("198.51.100.1"), "the third");
    assertTrue(connections.admit("198.51.100.2"), "another address is not concerned");
    connections.release("198.51.100.1");
    assertTrue(connections.admit("198.51.100.1"), "one closed: room for one");
    assertFalse(connections.admit("198.51.100.1"));
    connections.release("198.51.100.1");
    connections.release("198.51.100.1");
    connections.release("198.51.100.1"); // one release too many counts nothing below zero
    assertTrue(connections.admit("198.51.100.1"));
    assertTrue(connections.admit("198.51.100.1"));
    assertFalse(connections.admit("198.51.100.1"));
  }
}
