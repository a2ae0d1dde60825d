package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What of the server another machine can reach. Only the two HTTP listeners may be bound to the
 * configured address (PAYARA_BIND_ADDRESS); the admin listener, the JMS broker, IIOP, JMX, the
 * Hazelcast data grid and whatever else the server opens listen on loopback or not at all. Tried
 * for real, from a network namespace with an address of its own (see {@link NetworkNamespace}): the
 * platform of this test run (bound to 127.0.0.1) refuses every port, and a second instance bound to
 * the host's address on that wire answers on its two HTTP ports only. The broker has none of its
 * stock users.
 */
class ServerExposureIT {
  private static final int PORT_BASE = Platform.HTTP_PORT - 80;
  private static final Path EXPOSED_HOME =
      Path.of(System.getProperty("it.platform.home")).resolveSibling("platform-exposed");

  private static NetworkNamespace namespace;

  @BeforeAll
  static void makeTheOtherMachine() throws Exception {
    namespace = NetworkNamespace.create();
  }

  @AfterAll
  static void removeIt() throws Exception {
    try {
      if (Files.exists(EXPOSED_HOME.resolve("platform.env"))) {
        SecondInstance.stop(EXPOSED_HOME);
      }
    } finally {
      if (namespace != null) {
        namespace.close();
      }
    }
  }

  /**
   * Payara's ports with this port base, listening or not: IIOP (3), admin, the Hazelcast data grid
   * (2), the OSGi shell, JMS, HTTP (2), HTTPS and JMX.
   */
  private static Set<Integer> wellKnownPorts(int base) {
    Set<Integer> ports = new TreeSet<>();
    IntStream.of(37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 82, 86)
        .forEach(offset -> ports.add(base + offset));
    return ports;
  }

  /** The TCP ports the server process of {@code home} listens on, on any address. */
  private static Set<Integer> listeningPorts(Path home) throws Exception {
    long pid =
        Long.parseLong(
            Files.readString(home.resolve("payara6/glassfish/domains/dating/config/pid")).trim());
    Process ss = new ProcessBuilder("ss", "-Hltnp").redirectErrorStream(true).start();
    String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(ss.waitFor(30, TimeUnit.SECONDS) && ss.exitValue() == 0, out);
    Set<Integer> ports = new TreeSet<>();
    out.lines()
        .filter(line -> line.contains("pid=" + pid + ","))
        .map(line -> line.trim().split("\\s+")[3])
        .forEach(local -> ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1))));
    assertTrue(
        ports.size() > 2,
        () -> "too few listening ports " + ports + " of PID " + pid + ":\n" + out);
    return ports;
  }

  @Test
  void theNamespaceReachesWhatListensOnTheHostsAddresses() throws Exception {
    try (ServerSocket control = new ServerSocket()) {
      control.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
      int port = control.getLocalPort();
      assertEquals(Map.of(port, "open"), namespace.connect(namespace.hostAddress, Set.of(port)));
    }
  }

  @Test
  void fromAnotherMachineNoPortOfTheServerAnswers() throws Exception {
    Set<Integer> ports = wellKnownPorts(PORT_BASE);
    ports.addAll(listeningPorts(Path.of(System.getProperty("it.platform.home"))));
    Map<Integer, String> answers = new TreeMap<>(namespace.connect(namespace.hostAddress, ports));
    answers.values().removeIf("refused"::equals);
    assertEquals(
        Map.of(),
        answers,
        "ports of the server (bound to 127.0.0.1) that did not refuse " + namespace.peerAddress);
  }

  @Test
  void boundToAnAddressOnlyTheHttpListenersAnswerThere() throws Exception {
    int base = SecondInstance.PORT_BASE;
    SecondInstance.start(
        EXPOSED_HOME,
        Map.of(
            "PAYARA_BIND_ADDRESS",
            namespace.hostAddress,
            "PAYARA_PORT_BASE",
            String.valueOf(base)));
    Set<Integer> ports = wellKnownPorts(base);
    ports.addAll(listeningPorts(EXPOSED_HOME));
    Map<Integer, String> answers = new TreeMap<>(namespace.connect(namespace.hostAddress, ports));
    Map<Integer, String> expected = new TreeMap<>();
    ports.forEach(port -> expected.put(port, "refused"));
    expected.put(base + 80, "open");
    expected.put(base + 82, "open");
    assertEquals(
        expected,
        answers,
        "answers from " + namespace.peerAddress + " to " + namespace.hostAddress);
  }

  /**
   * OpenMQ's stock users (admin/admin, guest/guest) cannot sign in to the broker, even on loopback.
   */
  @Test
  void theBrokerRefusesItsStockUsers() throws Exception {
    Path mq = Path.of(System.getProperty("it.platform.home"), "payara6/mq/lib/imq.jar");
    try (URLClassLoader openMq =
        new URLClassLoader(
            new URL[] {mq.toUri().toURL()}, ServerExposureIT.class.getClassLoader())) {
      for (String user : new String[] {"guest", "admin"}) {
        JMSException refused =
            assertThrows(
                JMSException.class, () -> brokerConnection(openMq, user, user), user + "/" + user);
        assertInstanceOf(
            JMSSecurityException.class, refused, () -> user + "/" + user + ": " + refused);
      }
    }
  }

  private static void brokerConnection(ClassLoader openMq, String user, String password)
      throws Exception {
    Class<?> type = openMq.loadClass("com.sun.messaging.ConnectionFactory");
    Object factory = type.getConstructor().newInstance();
    type.getMethod("setProperty", String.class, String.class)
        .invoke(factory, "imqAddressList", "mq://127.0.0.1:" + (PORT_BASE + 76) + "/jms");
    type.getMethod("setProperty", String.class, String.class)
        .invoke(factory, "imqReconnectEnabled", "false");
    ((ConnectionFactory) factory).createConnection(user, password).close();
  }
}
