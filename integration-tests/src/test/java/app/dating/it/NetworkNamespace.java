package app.dating.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Another machine on the wire, as far as this host's sockets can tell: a network namespace joined
 * to the host by a veth pair, each end with its own non-loopback address ({@code ip netns},
 * Debian's iproute2, as root). A connection from it comes from {@link #peerAddress} to {@link
 * #hostAddress}: what a socket bound to loopback must refuse and one bound to the host's addresses
 * accepts. Skipped where namespaces are not permitted, except in CI.
 */
final class NetworkNamespace implements AutoCloseable {
  final String name;
  final String hostAddress;
  final String peerAddress;
  private final String hostLink;
  private final String peerLink;

  private NetworkNamespace(int n) {
    name = "dating-it-" + n;
    hostLink = "dith" + n;
    peerLink = "ditp" + n;
    hostAddress = "10.237." + (n % 250) + ".1";
    peerAddress = "10.237." + (n % 250) + ".2";
  }

  static NetworkNamespace create() throws Exception {
    NetworkNamespace namespace =
        new NetworkNamespace((int) (ProcessHandle.current().pid() % 100_000));
    namespace.remove(); // what a killed run left behind
    Result added = run(List.of("ip", "netns", "add", namespace.name));
    if (added.status() != 0) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("ip netns add failed in CI: " + added.output());
      }
      Assumptions.abort("network namespaces not permitted here: " + added.output());
    }
    try {
      namespace.must(
          "ip",
          "link",
          "add",
          namespace.hostLink,
          "type",
          "veth",
          "peer",
          "name",
          namespace.peerLink);
      namespace.must("ip", "link", "set", namespace.peerLink, "netns", namespace.name);
      namespace.must("ip", "addr", "add", namespace.hostAddress + "/30", "dev", namespace.hostLink);
      namespace.must("ip", "link", "set", namespace.hostLink, "up");
      namespace.inside(
          "ip", "addr", "add", namespace.peerAddress + "/30", "dev", namespace.peerLink);
      namespace.inside("ip", "link", "set", namespace.peerLink, "up");
      namespace.inside("ip", "link", "set", "lo", "up");
    } catch (RuntimeException | Error e) {
      namespace.close();
      throw e;
    }
    return namespace;
  }

  /**
   * Tries a TCP connection to each port of {@code address} from inside the namespace: "open",
   * "refused" (the host answered with a reset: nothing listens there for this address) or what else
   * happened (a timeout, no route).
   */
  Map<Integer, String> connect(String address, Collection<Integer> ports) throws Exception {
    String script =
        "for p in "
            + ports.stream().map(String::valueOf).collect(Collectors.joining(" "))
            + "; do if out=$(timeout 3 bash -c \"exec 3<>/dev/tcp/"
            + address
            + "/$p\" 2>&1); then echo \"$p open\"; elif [[ $out == *'Connection refused'* ]];"
            + " then echo \"$p refused\"; else echo \"$p other: ${out//$'\\n'/ }\"; fi; done";
    Result probe = run(List.of("ip", "netns", "exec", name, "bash", "-c", script));
    Map<Integer, String> answers = new LinkedHashMap<>();
    for (String line : probe.output().lines().toList()) {
      int space = line.indexOf(' ');
      if (space > 0 && line.substring(0, space).chars().allMatch(Character::isDigit)) {
        answers.put(Integer.parseInt(line.substring(0, space)), line.substring(space + 1));
      }
    }
    if (!answers.keySet().containsAll(ports)) {
      throw new AssertionError("probe from the namespace failed: " + probe.output());
    }
    return answers;
  }

  @Override
  public void close() {
    remove();
  }

  private void remove() {
    run(List.of("ip", "link", "del", hostLink)); // deletes both ends of the pair
    run(List.of("ip", "netns", "del", name));
  }

  private void inside(String... command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
    full.addAll(List.of(command));
    must(full.toArray(String[]::new));
  }

  private void must(String... command) {
    Result result = run(List.of(command));
    if (result.status() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + result.output());
    }
  }

  private record Result(int status, String output) {}

  private static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out: " + output);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, e.toString());
    }
  }
}
